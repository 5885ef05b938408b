using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Rules.Loading;

namespace Governance.Rules.Benchmarks;

/// <summary>The file format the generator writes.</summary>
public enum PortfolioFormat
{
    Yaml,
    Json,
}

/// <summary>What the generator wrote.</summary>
/// <param name="Root">The folder holding the portfolio.</param>
/// <param name="Format">YAML or JSON.</param>
/// <param name="Projects">Projects written.</param>
/// <param name="Products">Products written (one per ten projects, at least one).</param>
/// <param name="Artifacts">Artifacts (documents) written.</param>
/// <param name="Files">The files written, in a stable order.</param>
/// <param name="Bytes">Bytes written.</param>
public sealed record GeneratedPortfolio(string Root, PortfolioFormat Format, int Projects, int Products, int Artifacts, IReadOnlyList<string> Files, long Bytes)
{
    /// <summary>Size on disk in MiB.</summary>
    public double MiB => Bytes / 1024.0 / 1024.0;
}

/// <summary>
/// Writes a deterministic synthetic portfolio of every artifact kind. Seeded: the same arguments write the same bytes.
/// <list type="bullet">
/// <item><c>portfolio</c>: one Portfolio with 50 people and the ids of every product and project.</item>
/// <item>Per product (one per ten projects): Product, ProductStrategy (objectives, key results, needs), Roadmap (8
/// items), ProductAnalytics (metrics, snapshots, feedback).</item>
/// <item>Per project: Project and ProjectPlan (two documents in one file), a Backlog of
/// <see cref="BacklogItemsPerProject"/> items (epics, stories, bugs), a StatusReport while it runs; every fifth project is
/// closed and has a Handover and a PostMortem instead.</item>
/// </list>
/// Planted gaps, a known share (see <see cref="PlantedGaps"/>): every 10th plan has no risk register (GOV401); every
/// 20th roadmap item has no success metric (GOV201); every 10th status report has no next steps (GOV502); every 4th
/// handover has not transferred access (GOV605). Other rules may add findings of their own, the same on every run.
/// In JSON, a file with several documents is an array of artifacts.
/// </summary>
public static class PortfolioGenerator
{
    public const int BacklogItemsPerProject = 100;
    public const int RoadmapItemsPerProduct = 8;
    public const int People = 50;
    public const int DefaultSeed = 20261101;

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>The gaps planted on purpose, as rule id and number of artifacts or items carrying one.</summary>
    public static IReadOnlyDictionary<string, int> PlantedGaps(int projects)
    {
        var products = ProductCount(projects);
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["GOV401"] = Enumerable.Range(0, projects).Count(i => i % 10 == 0),
            ["GOV201"] = Enumerable.Range(0, products * RoadmapItemsPerProduct).Count(g => g % 20 == 0),
            ["GOV502"] = Enumerable.Range(0, projects).Count(i => !IsClosed(i) && i % 10 == 1),
            ["GOV605"] = Enumerable.Range(0, projects).Count(i => IsClosed(i) && i % 20 == 0),
        };
    }

    public static int ProductCount(int projects) => Math.Max(1, projects / 10);

    private static bool IsClosed(int project) => project % 5 == 0;

    /// <summary>Writes the portfolio under <paramref name="root"/> (created; existing files with the same names are replaced).</summary>
    public static GeneratedPortfolio Write(string root, int projects, PortfolioFormat format, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(projects, 1);
        var random = new Random(seed);
        var products = ProductCount(projects);
        var files = new List<string>();
        long bytes = 0;
        var artifacts = 0;
        void Emit(string relativeYamlPath, string yaml)
        {
            var path = Path.Combine(root, relativeYamlPath);
            if (format == PortfolioFormat.Json) path = Path.ChangeExtension(path, ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var data = format == PortfolioFormat.Yaml ? Encoding.UTF8.GetBytes(yaml) : ToJson(yaml);
            artifacts += CountDocuments(yaml);
            File.WriteAllBytes(path, data);
            files.Add(path);
            bytes += data.Length;
        }

        Emit("portfolio.yaml", Portfolio(projects, products));
        for (var p = 0; p < products; p++)
        {
            var folder = Path.Combine("products", ProductId(p));
            Emit(Path.Combine(folder, "product.yaml"), Product(p));
            Emit(Path.Combine(folder, "strategy.yaml"), Strategy(p, random));
            Emit(Path.Combine(folder, "roadmap.yaml"), Roadmap(p, random));
            Emit(Path.Combine(folder, "analytics.yaml"), Analytics(p, random));
        }

        for (var i = 0; i < projects; i++)
        {
            var folder = Path.Combine("projects", ProjectId(i));
            var start = new DateOnly(2026, 1, 5).AddDays(random.Next(0, 120));
            var end = start.AddDays(random.Next(180, 400));
            if (IsClosed(i)) end = new DateOnly(2026, 9, 30).AddDays(-random.Next(0, 60));
            Emit(Path.Combine(folder, "project.yaml"), ProjectAndPlan(i, products, start, end, random));
            Emit(Path.Combine(folder, "backlog.yaml"), Backlog(i, products, random));
            if (IsClosed(i))
            {
                Emit(Path.Combine(folder, "handover.yaml"), Handover(i, products, end));
                Emit(Path.Combine(folder, "postmortem.yaml"), PostMortem(i, end));
            }
            else
            {
                Emit(Path.Combine(folder, "status-2026-10-30.yaml"), Status(i, random));
            }
        }

        return new GeneratedPortfolio(root, format, projects, products, artifacts, files, bytes);
    }

    private static int CountDocuments(string yaml) => 1 + CountOccurrences(yaml, "\n---\n");

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Converts generated YAML (one or more documents) to indented JSON: one object, or an array of objects.</summary>
    internal static byte[] ToJson(string yaml)
    {
        var parsed = YamlDocumentParser.Parse(yaml);
        if (parsed.Error is { } error) throw new InvalidOperationException($"Generated YAML is malformed at {error.Line}:{error.Column}: {error.Message}");
        var documents = parsed.Documents.Count;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            if (documents == 1)
            {
                parsed.Documents[0].Root!.WriteTo(writer);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var document in parsed.Documents) document.Root!.WriteTo(writer);
                writer.WriteEndArray();
            }
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string ProjectId(int i) => string.Create(CultureInfo.InvariantCulture, $"project-{i:D5}");

    private static string ProductId(int p) => string.Create(CultureInfo.InvariantCulture, $"product-{p:D4}");

    private static string Person(int n) => string.Create(CultureInfo.InvariantCulture, $"p-{((n % People) + People) % People:D2}");

    private static string Portfolio(int projects, int products)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: Portfolio
            metadata:
              id: synthetic-portfolio
              title: Synthetic portfolio of {projects} projects
              owner: {Person(0)}
              lastUpdated: 2026-10-30
              tags: [synthetic, benchmark]
            spec:
              name: Synthetic portfolio
              defaults:
                currency: EUR
              productIds: [{string.Join(", ", Enumerable.Range(0, products).Select(ProductId))}]
              projectIds: [{string.Join(", ", Enumerable.Range(0, projects).Select(ProjectId))}]
              people:

            """);
        string[] teams = ["Executive", "Product", "PMO", "Payments", "Mobile", "Data", "Platform", "Finance", "Design", "Security"];
        for (var n = 0; n < People; n++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"    - {{ id: {Person(n)}, name: Person {n}, email: person.{n}@synthetic.example, team: {teams[n % teams.Length]} }}\n");
        }

        return sb.ToString();
    }

    private static string Product(int p) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: governance/v1
        kind: Product
        metadata:
          id: {ProductId(p)}
          title: Synthetic product {p}
          owner: {Person(p + 1)}
          lastUpdated: 2026-10-12
          tags: [synthetic]
        spec:
          productManager: {Person(p + 1)}
          lifecycleStage: growth
          strategyId: strategy-{ProductId(p)}
          roadmapId: roadmap-{ProductId(p)}
          backlogId: backlog-{ProjectId(p * 10)}
          analyticsId: analytics-{ProductId(p)}

        """);

    private static string Strategy(int p, Random random)
    {
        var id = ProductId(p);
        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-{id}
              title: Strategy of synthetic product {p}
              owner: {Person(p + 1)}
              lastUpdated: 2026-09-15
            spec:
              productId: {id}
              vision: >-
                Whoever needs capability {p} gets it in one place, in minutes, without calling anyone.
              targetCustomers:
                - Field teams of segment {p % 7}
                - Operators in region {p % 5}
              customerNeeds:
                - id: need-{id}-speed
                  statement: Finish the task in minutes, not hours.
                  evidence: Interviews with {random.Next(8, 30)} users in spring 2026.
                - id: need-{id}-trust
                  statement: Know that the data shown is current.
                  evidence: Support tickets tagged stale-data, 2025.
              differentiators:
                - One integration for every partner of segment {p % 7}
              businessGoals:
                - Grow active accounts by {random.Next(10, 40)}% by the end of 2027
              objectives:

            """);
        for (var o = 0; o < 2; o++)
        {
            var baseline = random.Next(100, 5000);
            sb.Append(CultureInfo.InvariantCulture, $"""
                    - id: obj-{id}-{o}
                      statement: Objective {o} of product {p} is reached by the end of {2026 + o}.
                      owner: {Person(p + o + 1)}
                      period: {Range(new DateOnly(2026 + o, 1, 1), new DateOnly(2026 + o, 12, 31))}
                      keyResults:
                        - id: kr-{id}-{o}
                          name: Weekly active users of capability {o}
                          category: adoption
                          unit: users
                          baseline: {baseline}
                          target: {baseline * 2}
                          dataSource: Product analytics warehouse
                          due: {2026 + o}-12-31
                          owner: {Person(p + o + 1)}

                """);
        }

        sb.Append("""
              evolution: First the core workflow (2026), then partner integrations (2027).
              horizon: { start: 2026-01-01, end: 2027-12-31 }
              reviewedOn: 2026-09-15

            """);
        return sb.ToString();
    }

    private static string Roadmap(int p, Random random)
    {
        var id = ProductId(p);
        var sb = new StringBuilder(8192);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-{id}
              title: Roadmap of synthetic product {p}
              owner: {Person(p + 1)}
              lastUpdated: 2026-10-14
            spec:
              productId: {id}
              format: timeline
              lastReviewed: 2026-10-14
              items:

            """);
        string[] statuses = ["delivered", "inProgress", "planned", "planned"];
        for (var k = 0; k < RoadmapItemsPerProduct; k++)
        {
            var status = statuses[k * statuses.Length / RoadmapItemsPerProduct];
            var start = new DateOnly(2026, 1, 12).AddDays(k * 60);
            var end = start.AddDays(random.Next(60, 150));
            if (status == "delivered") end = new DateOnly(2026, 6, 30).AddDays(-random.Next(0, 30));
            if (status == "inProgress") end = new DateOnly(2027, 1, 29).AddDays(random.Next(0, 60));
            if (end <= start) start = end.AddDays(-60);
            sb.Append(CultureInfo.InvariantCulture, $"""
                    - id: ri-{id}-{k}
                      title: Roadmap item {k} of product {p}
                      outcome: Users of product {p} complete workflow {k} without a workaround.
                      objectiveIds: [obj-{id}-{k % 2}]
                      needIds: [need-{id}-speed]
                      timeframe: {Range(start, end)}
                      priority: {k + 1}
                      status: {status}
                {(status == "delivered" ? $"      deliveredOn: {end:yyyy-MM-dd}\n" : string.Empty)}      confidence: {(k < 4 ? "high" : "medium")}
                      owner: {Person(p + 1)}

                """);
            if ((p * RoadmapItemsPerProduct + k) % 20 == 0) continue; // planted gap: GOV201
            var baseline = random.Next(0, 1000);
            sb.Append(CultureInfo.InvariantCulture, $"""
                      successMetrics:
                        - id: sm-{id}-{k}
                          name: Workflow {k} completions per week
                          category: taskSuccess
                          unit: completions
                          baseline: {baseline}
                          target: {baseline + random.Next(100, 2000)}
                          dataSource: Product analytics warehouse
                          due: 2027-06-30
                          owner: {Person(p + 1)}

                """);
        }

        return sb.ToString();
    }

    private static string Analytics(int p, Random random)
    {
        var id = ProductId(p);
        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-{id}
              title: Metrics and feedback of synthetic product {p}
              owner: {Person(p + 1)}
              lastUpdated: 2026-10-26
            spec:
              productId: {id}
              northStarMetricId: m-{id}-0
              reviewedOn: 2026-10-26
              metrics:

            """);
        for (var m = 0; m < 3; m++)
        {
            var baseline = random.Next(100, 5000);
            sb.Append(CultureInfo.InvariantCulture, $"""
                    - id: m-{id}-{m}
                      role: {(m == 0 ? "northStar" : "input")}
                      name: Metric {m} of product {p}
                      category: adoption
                      unit: users
                      baseline: {baseline}
                      target: {baseline * 2}
                      current: {baseline + random.Next(0, baseline)}
                      measuredAt: 2026-10-26
                      dataSource: Product analytics warehouse
                      due: 2026-12-31
                      owner: {Person(p + m)}

                """);
        }

        sb.Append("  snapshots:\n");
        for (var m = 0; m < 3; m++)
        {
            foreach (var date in (string[])["2026-08-31", "2026-09-28", "2026-10-26"])
                sb.Append(CultureInfo.InvariantCulture, $"    - {{ metricId: m-{id}-{m}, date: {date}, value: {random.Next(100, 9000)} }}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"""
              feedback:
                - date: 2026-10-{random.Next(1, 28):D2}
                  source: interview
                  summary: Users of segment {p % 7} want the workflow on their phones.
                  sentiment: neutral
                - date: 2026-10-{random.Next(1, 28):D2}
                  source: survey
                  summary: The new search saves time every day.
                  sentiment: positive

            """);
        return sb.ToString();
    }

    private static string ProjectAndPlan(int i, int products, DateOnly start, DateOnly end, Random random)
    {
        var id = ProjectId(i);
        var product = ProductId(i % products);
        var closed = IsClosed(i);
        var sb = new StringBuilder(8192);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: Project
            metadata:
              id: {id}
              title: Synthetic project {i}
              owner: {Person(i)}
              lastUpdated: 2026-10-30
              tags: [synthetic, benchmark]
            spec:
              sponsor: {Person(i + 1)}
              projectManager: {Person(i)}
              productId: {product}
              roadmapItemIds: [ri-{product}-{i % RoadmapItemsPerProduct}]
              phase: {(closed ? "closed" : "execution")}
              status: {(closed ? "completed" : "inProgress")}
              schedule: {Range(start, end)}
            {(closed ? $"  actualEnd: {end:yyyy-MM-dd}\n" : string.Empty)}  planId: plan-{id}
            {(closed ? $"  handoverId: handover-{id}\n  postMortemIds: [pm-{id}]\n" : string.Empty)}---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-{id}
              title: Plan of synthetic project {i}
              owner: {Person(i)}
              lastUpdated: 2026-10-30
            spec:
              projectId: {id}
              version: "1.{i % 7}"
              approvedBy: {Person(i + 1)}
              approvedOn: {start:yyyy-MM-dd}
              scope:
                inScope:
                  - Deliver the first increment of capability {i}
                  - Migrate the users of the legacy tool {i % 13}
                outOfScope:
                  - Anything in region {i % 5}
                deliverables:
                  - id: d-{i}-1
                    name: Increment one
                    acceptanceCriteria: [Accepted by the sponsor in a demo]
              schedule: {Range(start, end)}
              milestones:

            """);
        for (var m = 0; m < 5; m++)
        {
            var date = start.AddDays((end.DayNumber - start.DayNumber) * (m + 1) / 6);
            var done = closed || date < new DateOnly(2026, 10, 1);
            sb.Append(CultureInfo.InvariantCulture,
                $"    - {{ id: ms-{m}, name: Milestone {m}, baselineDate: {date:yyyy-MM-dd}, status: {(done ? "done" : "planned")}{(done ? $", actualDate: {date:yyyy-MM-dd}" : string.Empty)} }}\n");
        }

        var approved = random.Next(100, 2000) * 1000;
        sb.Append(CultureInfo.InvariantCulture, $$"""
              budget:
                approved: {{Money(approved)}}
                contingency: {{Money(approved / 10)}}
                actualToDate: {{Money(approved * random.Next(10, 90) / 100)}}
                forecastAtCompletion: {{Money(approved * random.Next(90, 105) / 100)}}
                asOf: 2026-10-31
              resources:
                - { personId: {{Person(i)}}, role: Project manager, allocationPct: 50, period: {{Range(start, end)}} }
                - { personId: {{Person(i + 7)}}, role: Engineer, allocationPct: 80, period: {{Range(start, end)}} }
              stakeholders:
                - { personId: {{Person(i + 1)}}, role: sponsor, interest: high, influence: high }
                - { name: Users of tool {{i % 13}}, role: user, interest: high, influence: low }
              raci:
                - { deliverable: Increment one, responsible: [{{Person(i + 7)}}], accountable: [{{Person(i)}}], informed: [{{Person(i + 1)}}] }
              communicationPlan:
                - { audience: [{{Person(i + 1)}}], information: Status report, channel: email, frequency: weekly, owner: {{Person(i)}} }

            """);
        if (i % 10 != 0) // planted gap otherwise: GOV401
        {
            sb.Append("  riskRegister:\n");
            for (var r = 0; r < 4; r++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""
                        - id: rk-{r}
                          title: Risk {r} of project {i}
                          probability: {random.Next(1, 6)}
                          impact: {random.Next(1, 6)}
                          owner: {Person(i + r)}
                          response: mitigate
                          responsePlan: Reduce the probability with early prototypes and weekly reviews.
                          trigger: The weekly review shows a slip of more than five days
                          status: {(closed ? "closed" : "open")}
                          lastReviewed: 2026-10-20
                          nextReview: 2026-11-17

                    """);
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"""
              assumptions:
                - {Flow($"id: as-1, statement: The vendor delivers the API on time., owner: {Person(i + 2)}, validateBy: 2026-12-01, status: unvalidated")}
              dependencies:
                - {Flow($"id: dep-1, description: Test environment available, owner: {Person(i + 3)}, needBy: 2026-12-15, status: open")}

            """);
        return sb.ToString();
    }

    private static string Backlog(int i, int products, Random random)
    {
        string[] statuses = ["new", "ready", "inProgress", "done"];
        var product = ProductId(i % products);
        var sb = new StringBuilder(48 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-{ProjectId(i)}
              title: Backlog of synthetic project {i}
              owner: {Person(i)}
              lastUpdated: 2026-10-30
            spec:
              productId: {product}
              items:

            """);
        for (var n = 0; n < BacklogItemsPerProject; n++)
        {
            var status = statuses[random.Next(statuses.Length)];
            if (n % 10 == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""
                        - id: ep-{i}-{n}
                          type: epic
                          title: Epic {n} of project {i}
                          roadmapItemId: ri-{product}-{(i + n / 10) % RoadmapItemsPerProduct}
                          priority: {n + 1}
                          status: {status}
                          createdOn: 2026-06-01

                    """);
            }
            else if (n % 10 == 9)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""
                        - id: bug-{i}-{n}
                          type: bug
                          title: Bug {n} of project {i}, found in regression testing
                          estimate: {random.Next(1, 5)}
                          priority: {n + 1}
                          status: {status}
                          assignee: {Person(i + n)}
                          createdOn: 2026-09-14

                    """);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"""
                        - id: st-{i}-{n}
                          type: story
                          title: Story {n} of project {i}
                          parentId: ep-{i}-{n / 10 * 10}
                          userStory:
                            asA: field technician
                            iWant: feature {n} of capability {i}
                            soThat: I finish my shift on time
                          acceptanceCriteria:
                            - The happy path works on the devices we support
                            - Errors are shown with a way to recover
                          estimate: {random.Next(1, 14)}
                          priority: {n + 1}
                          status: {status}
                          assignee: {Person(i + n)}
                          iteration: 2026-S{20 + (n % 6)}
                          createdOn: 2026-07-01
                          updatedOn: 2026-10-28

                    """);
            }
        }

        return sb.ToString();
    }

    private static string Status(int i, Random random)
    {
        var id = ProjectId(i);
        var rag = (i % 7) switch { 0 => "amber", _ => "green" };
        var sb = new StringBuilder(2048);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: StatusReport
            metadata:
              id: status-{id}-2026-10-30
              title: Synthetic project {i}, status of 30 October 2026
              owner: {Person(i)}
              lastUpdated: 2026-10-30
            spec:
              projectId: {id}
              reportDate: 2026-10-30
              period: {Range(new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 30))}
              author: {Person(i)}
              audience: [{Person(i + 1)}, {Person(i + 7)}]
              overallRag: {rag}
              scheduleRag: {rag}
              budgetRag: green
              scopeRag: green
            {(rag == "amber" ? "  ragRationale: A supplier delivered two weeks late; the plan absorbs it with the milestone buffer.\n" : string.Empty)}  summary: Increment {random.Next(1, 6)} of synthetic project {i} is on track.
              accomplishments:
                - Finished the stories of iteration 2026-S{20 + (i % 6)}
                - Demoed the increment to the sponsor

            """);
        if (i % 10 != 1) // planted gap otherwise: GOV502
        {
            sb.Append("""
                  nextSteps:
                    - Start the next iteration
                    - Review the risk register with the sponsor

                """);
        }

        sb.Append(CultureInfo.InvariantCulture, $"""
              topRiskIds: [rk-1]
              budgetSnapshot:
                actualToDate: {Money(random.Next(50, 500) * 1000)}
                forecastAtCompletion: {Money(random.Next(500, 900) * 1000)}

            """);
        return sb.ToString();
    }

    private static string Handover(int i, int products, DateOnly end) => string.Create(CultureInfo.InvariantCulture, $$"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-{{ProjectId(i)}}
          title: Synthetic project {{i}}, handover to operations
          owner: {{Person(i)}}
          lastUpdated: 2026-10-20
        spec:
          projectId: {{ProjectId(i)}}
          productId: {{ProductId(i % products)}}
          receivingOwner: {{Person(i + 5)}}
          handoverDate: {{end:yyyy-MM-dd}}
          status: accepted
          artifacts:
            - { type: runbook, title: Runbook of project {{i}}, location: "https://synthetic.example/wiki/{{i}}/runbook" }
            - { type: architecture, title: Architecture of project {{i}}, location: "https://synthetic.example/wiki/{{i}}/architecture" }
            - { type: userGuide, title: User guide of project {{i}}, location: "https://synthetic.example/wiki/{{i}}/guide" }
            - { type: dashboard, title: Health dashboard, location: "https://grafana.synthetic.example/d/{{i}}" }
            - { type: sourceRepo, title: Repository of project {{i}}, location: "https://git.synthetic.example/{{i}}" }
          operations:
            onCallOwner: {{Person(i + 5)}}
            escalationPath: On-call of team {{i % 10}}, then its lead.
            slos:
              - { name: Requests answered within 300 ms, objectivePct: 99.5, window: 28d }
            dashboards:
              - https://grafana.synthetic.example/d/{{i}}
          accessTransferred: {{(i % 20 == 0 ? "false" : "true")}}
          knownIssues:
            - id: ki-{{i}}-1
              description: Exports over 10,000 rows are slow.
              severity: low
              workaround: Export by month.
              backlogItemId: bug-{{i}}-9
          uat:
            completedOn: {{end.AddDays(-10):yyyy-MM-dd}}
            testsPassed: 120
            testsTotal: 120
            openDefects: { critical: 0, high: 0, medium: 1, low: 3 }
            signedOffBy: {{Person(i + 1)}}
            signedOffOn: {{end.AddDays(-7):yyyy-MM-dd}}
          supportPeriod: {{Range(end, end.AddDays(28))}}
          signOff: { by: {{Person(i + 1)}}, date: {{end:yyyy-MM-dd}} }

        """);

    private static string PostMortem(int i, DateOnly end) => string.Create(CultureInfo.InvariantCulture, $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-{ProjectId(i)}
          title: Synthetic project {i}, retrospective
          owner: {Person(i)}
          lastUpdated: {end.AddDays(14):yyyy-MM-dd}
        spec:
          type: projectRetrospective
          subjectId: {ProjectId(i)}
          date: {end.AddDays(10):yyyy-MM-dd}
          status: closed
          summary: Delivered on budget; the last increment was a week late because of a supplier.
          wentWell:
            - Weekly demos kept the sponsor informed
          wentPoorly:
            - The supplier contract had no delivery penalty
          actionItems:
            - id: ai-{i}-1
              description: Add delivery penalties to the supplier contract template.
              owner: {Person(i + 2)}
              due: {end.AddDays(40):yyyy-MM-dd}
              type: process
              priority: P2
              status: done
          participants: [{Person(i)}, {Person(i + 1)}, {Person(i + 7)}]
          lessonsLearned:
            - Agree delivery penalties before the work starts.

        """);

    private static string Range(DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"{{ start: {start:yyyy-MM-dd}, end: {end:yyyy-MM-dd} }}");

    private static string Flow(string content) => "{ " + content + " }";

    private static string Money(int amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{{ amount: {amount}, currency: EUR }}");
}
