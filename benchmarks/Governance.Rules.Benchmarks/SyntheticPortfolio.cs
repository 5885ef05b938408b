using System.Globalization;
using System.Text;

namespace Governance.Rules.Benchmarks;

/// <summary>
/// Writes a synthetic portfolio: one folder per project holding <c>project.yaml</c> (a Project and its ProjectPlan, two
/// YAML documents) and <c>backlog.yaml</c> (a Backlog of 100 items). Seeded, so every run writes the same bytes.
/// Every tenth plan has no risk register, so findings are produced and reported as in a real portfolio.
/// </summary>
public static class SyntheticPortfolio
{
    public const int BacklogItemsPerProject = 100;

    /// <summary>Writes <paramref name="projects"/> projects under <paramref name="root"/> and returns the bytes written.</summary>
    public static long Write(string root, int projects, int seed = 20261101)
    {
        var random = new Random(seed);
        long bytes = 0;
        for (var i = 0; i < projects; i++)
        {
            var folder = Path.Combine(root, "projects", $"project-{i:D5}");
            Directory.CreateDirectory(folder);
            bytes += WriteFile(Path.Combine(folder, "project.yaml"), ProjectAndPlan(i, random));
            bytes += WriteFile(Path.Combine(folder, "backlog.yaml"), Backlog(i, random));
        }

        return bytes;
    }

    private static long WriteFile(string path, string content)
    {
        var data = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(path, data);
        return data.Length;
    }

    private static string ProjectAndPlan(int i, Random random)
    {
        var id = $"project-{i:D5}";
        var start = new DateOnly(2026, 1, 5).AddDays(random.Next(0, 300));
        var end = start.AddDays(random.Next(90, 400));
        var sb = new StringBuilder(8192);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: Project
            metadata:
              id: {id}
              title: Synthetic project {i}
              owner: p-{i % 50:D2}
              lastUpdated: 2026-10-30
              tags: [synthetic, benchmark]
            spec:
              sponsor: p-{(i + 1) % 50:D2}
              projectManager: p-{i % 50:D2}
              productId: product-{i % 20:D2}
              phase: execution
              status: inProgress
              schedule: {Range(start, end)}
              planId: plan-{id}
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-{id}
              title: Plan of synthetic project {i}
              owner: p-{i % 50:D2}
              lastUpdated: 2026-10-30
            spec:
              projectId: {id}
              version: "1.{i % 7}"
              approvedBy: p-{(i + 1) % 50:D2}
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
            var done = date < new DateOnly(2026, 11, 1);
            sb.Append(CultureInfo.InvariantCulture,
                $"    - {{ id: ms-{m}, name: Milestone {m}, baselineDate: {date:yyyy-MM-dd}, status: {(done ? "done" : "planned")}{(done ? $", actualDate: {date:yyyy-MM-dd}" : string.Empty)} }}\n");
        }

        var approved = random.Next(100, 2000) * 1000;
        sb.Append(CultureInfo.InvariantCulture, $$"""
              budget:
                approved: {{Money(approved)}}
                contingency: {{Money(approved / 10)}}
                actualToDate: {{Money(approved * random.Next(10, 90) / 100)}}
                forecastAtCompletion: {{Money(approved * random.Next(90, 125) / 100)}}
                asOf: 2026-10-31
              resources:
                - { personId: p-{{i % 50:D2}}, role: Project manager, allocationPct: 50, period: {{Range(start, end)}} }
                - { personId: p-{{(i + 7) % 50:D2}}, role: Engineer, allocationPct: 80, period: {{Range(start, end)}} }
              stakeholders:
                - { personId: p-{{(i + 1) % 50:D2}}, role: sponsor, interest: high, influence: high }
                - { name: Users of tool {{i % 13}}, role: user, interest: high, influence: low }
              raci:
                - { deliverable: Increment one, responsible: [p-{{(i + 7) % 50:D2}}], accountable: [p-{{i % 50:D2}}], informed: [p-{{(i + 1) % 50:D2}}] }
              communicationPlan:
                - { audience: [p-{{(i + 1) % 50:D2}}], information: Status report, channel: email, frequency: biweekly, owner: p-{{i % 50:D2}} }

            """);
        if (i % 10 != 0)
        {
            sb.Append("  riskRegister:\n");
            for (var r = 0; r < 4; r++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""
                        - id: rk-{r}
                          title: Risk {r} of project {i}
                          probability: {random.Next(1, 6)}
                          impact: {random.Next(1, 6)}
                          owner: p-{(i + r) % 50:D2}
                          response: mitigate
                          responsePlan: Reduce the probability with early prototypes and weekly reviews.
                          trigger: The weekly review shows a slip of more than five days
                          status: open
                          lastReviewed: 2026-10-20
                          nextReview: 2026-11-17

                    """);
            }
        }

        sb.Append("""
              assumptions:
                - { id: as-1, statement: The vendor delivers the API on time., owner: p-01, validateBy: 2026-12-01, status: unvalidated }
              dependencies:
                - { id: dep-1, description: Test environment available, owner: p-02, needBy: 2026-12-15, status: open }

            """);
        return sb.ToString();
    }

    private static string Backlog(int i, Random random)
    {
        string[] statuses = ["new", "ready", "inProgress", "done"];
        var sb = new StringBuilder(48 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-project-{i:D5}
              title: Backlog of synthetic project {i}
              owner: p-{i % 50:D2}
              lastUpdated: 2026-10-30
            spec:
              productId: product-{i % 20:D2}
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
                          roadmapItemId: ri-{i % 40}
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
                          assignee: p-{(i + n) % 50:D2}
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
                          assignee: p-{(i + n) % 50:D2}
                          iteration: 2026-S{20 + (n % 6)}
                          createdOn: 2026-07-01
                          updatedOn: 2026-10-28

                    """);
            }
        }

        return sb.ToString();
    }

    private static string Range(DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"{{ start: {start:yyyy-MM-dd}, end: {end:yyyy-MM-dd} }}");

    private static string Money(int amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{{ amount: {amount}, currency: EUR }}");
}
