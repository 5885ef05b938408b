using System.Globalization;
using System.Text;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Portfolio;

/// <summary>
/// A generated portfolio of a few hundred artifacts with a known set of planted gaps for each portfolio rule
/// (GOV901–GOV907): the index is checked, and every portfolio rule must find exactly the planted gaps.
/// </summary>
[TestFixture]
[Category("Portfolio")]
public sealed class GeneratedPortfolioTests
{
    private static readonly string[] PortfolioRules = ["GOV901", "GOV902", "GOV903", "GOV904", "GOV905", "GOV906", "GOV907"];

    private static readonly string[] LoadingDiagnostics = ["GOV001", "GOV002", "GOV003", "GOV004", "GOV009"];

    private static readonly Lazy<GeneratedPortfolio> Generated = new(GeneratedPortfolio.Build);

    private static readonly Lazy<AnalysisResult> Result = new(() => RuleHarness.Analyze(Generated.Value.Yaml, "portfolio.yaml"));

    private static PortfolioIndex Index()
    {
        var loaded = new ArtifactLoader().LoadContent("portfolio.yaml", Encoding.UTF8.GetBytes(Generated.Value.Yaml));
        return new PortfolioIndex([.. loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i))]);
    }

    [Test]
    public void Streaming_without_keeping_records_finds_the_same_one_document_per_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "govern-generated-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var documents = Generated.Value.Yaml.Split("\n---\n", StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < documents.Length; i++)
                File.WriteAllText(Path.Combine(folder, $"{i:D4}.yaml"), documents[i].TrimStart('-', '\n') + "\n");
            var result = Engine.KeepArtifactsTests.AnalyzeBothWays(folder);
            Assert.That(result.Analyzed, Has.Count.EqualTo(Generated.Value.Counts.Values.Sum()));
            foreach (var ruleId in PortfolioRules)
                Assert.That(result.Findings.Count(f => f.RuleId == ruleId), Is.EqualTo(Generated.Value.Expected[ruleId].Count), ruleId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_generated_portfolio_has_a_few_hundred_artifacts()
    {
        var total = Generated.Value.Counts.Values.Sum();
        Assert.That(total, Is.InRange(200, 400));
        Assert.That(Result.Value.Artifacts, Has.Count.EqualTo(total));
        TestContext.Out.WriteLine($"{total} artifacts; planted: {string.Join(", ", Generated.Value.Expected.Select(e => $"{e.Key}={e.Value.Count}"))}");
    }

    [Test]
    public void Nothing_fails_to_load_or_to_run()
    {
        var diagnostics = Result.Value.Findings.Where(f => LoadingDiagnostics.Contains(f.RuleId)).Select(f => $"{f.RuleId} {f.ArtifactId} {f.Pointer}: {f.Message}");
        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public void The_index_counts_every_kind()
    {
        var index = Index();
        var expected = Generated.Value.Counts;
        Assert.Multiple(() =>
        {
            Assert.That(index.Artifacts, Has.Count.EqualTo(expected.Values.Sum()));
            Assert.That(index.OfKind<Model.Portfolio>().Count(), Is.EqualTo(expected[ArtifactKind.Portfolio]));
            Assert.That(index.OfKind<Product>().Count(), Is.EqualTo(expected[ArtifactKind.Product]));
            Assert.That(index.OfKind<ProductStrategy>().Count(), Is.EqualTo(expected[ArtifactKind.ProductStrategy]));
            Assert.That(index.OfKind<Roadmap>().Count(), Is.EqualTo(expected[ArtifactKind.Roadmap]));
            Assert.That(index.OfKind<Backlog>().Count(), Is.EqualTo(expected[ArtifactKind.Backlog]));
            Assert.That(index.OfKind<Project>().Count(), Is.EqualTo(expected[ArtifactKind.Project]));
            Assert.That(index.OfKind<ProjectPlan>().Count(), Is.EqualTo(expected[ArtifactKind.ProjectPlan]));
            Assert.That(index.OfKind<StatusReport>().Count(), Is.EqualTo(expected[ArtifactKind.StatusReport]));
            Assert.That(index.OfKind<Handover>(), Is.Empty);
            Assert.That(index.HasPeopleRegistry, Is.True);
        });
    }

    [Test]
    public void The_index_resolves_ids_children_and_people()
    {
        var index = Index();
        var generated = Generated.Value;
        Assert.Multiple(() =>
        {
            foreach (var (id, kind) in generated.Kinds.Where((_, i) => i % 3 == 0))
            {
                Assert.That(index.TryGetArtifact(id, out var artifact), Is.True, id);
                Assert.That(artifact?.ArtifactKind, Is.EqualTo(kind), id);
                Assert.That(artifact?.Id, Is.EqualTo(id));
            }

            Assert.That(index.TryGetArtifact<Project>("project-3", out var project), Is.True);
            Assert.That(project?.Spec.ProductId, Is.EqualTo("product-0"));
            Assert.That(index.TryGetArtifact<Product>("project-3", out _), Is.False, "a Project is not a Product");
            Assert.That(index.TryGetArtifact("product-99", out _), Is.False);
            Assert.That(index.TryGetArtifact(null, out _), Is.False);

            foreach (var (projectId, plans) in generated.PlansByProject)
            {
                Assert.That(index.ChildrenOf<ProjectPlan>(projectId).Select(p => p.Id), Is.EqualTo(plans), projectId);
                Assert.That(index.ChildrenOf<StatusReport>(projectId).Select(r => r.Id), Is.EqualTo(generated.ReportsByProject[projectId]), projectId);
            }

            foreach (var (productId, projects) in generated.ProjectsByProduct)
                Assert.That(index.ChildrenOf<Project>(productId).Select(p => p.Id), Is.EqualTo(projects), productId);
            Assert.That(index.ChildrenOf<Roadmap>("product-0"), Is.Empty);
            Assert.That(index.ChildrenOf<Roadmap>("product-1").Select(r => r.Id), Is.EqualTo(new[] { "roadmap-1" }));
            Assert.That(index.ChildrenOf<ProjectPlan>(null), Is.Empty);

            foreach (var personId in generated.People)
            {
                Assert.That(index.TryGetPerson(personId, out var person), Is.True, personId);
                Assert.That(person?.Name, Is.EqualTo("Person " + personId[2..]));
            }

            Assert.That(index.TryGetPerson("p-ghost", out _), Is.False);
            Assert.That(index.TryGetPerson(null, out _), Is.False);
        });
    }

    [TestCaseSource(nameof(PortfolioRules))]
    public void Each_portfolio_rule_finds_exactly_the_planted_gaps(string ruleId)
    {
        var expected = Generated.Value.Expected[ruleId];
        var actual = Result.Value.Findings.Where(f => f.RuleId == ruleId).Select(f => (f.ArtifactId ?? string.Empty, f.Pointer ?? string.Empty)).ToList();
        Assert.That(expected, Is.Not.Empty, "the generator plants at least one gap per rule");
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void GOV902_reports_a_missing_roadmap_of_a_launched_product_as_a_warning()
    {
        var findings = Result.Value.Findings.Where(f => f.RuleId == "GOV902").ToList();
        Assert.That(findings, Has.All.Matches<Finding>(f => f.Severity == Severity.Warning && f.Message.Contains("has no Roadmap", StringComparison.Ordinal)));
    }

    [Test]
    public void GOV907_reports_each_over_allocated_interval()
    {
        var messages = Result.Value.Findings.Where(f => f.RuleId == "GOV907").Select(f => f.Message).ToList();
        Assert.That(messages, Has.Some.StartsWith("Person 'p-28' (Person 28) is allocated up to 120% from 2026-12-01 to 2027-01-31"));
        Assert.That(messages, Has.Some.StartsWith("Person 'p-29' (Person 29) is allocated up to 120% from 2027-01-01 to 2027-02-28"));
    }

    /// <summary>
    /// The generator: purely arithmetic (no randomness), so the same YAML and expectations every run. Products 0..10
    /// (10 is a concept with a strategy only), 8 projects for each of products 0..9, plans for the projects under way
    /// except the planted ones, status reports for the projects in progress or on hold with a plan, 30 people.
    /// </summary>
    private sealed class GeneratedPortfolio
    {
        private const int ProductCount = 11;
        private const int ProjectsPerProduct = 8;
        private const int BacklogItemsPerProduct = 20;
        private const int PersonCount = 30;

        private readonly StringBuilder yaml = new();

        public string Yaml => yaml.ToString();

        public Dictionary<ArtifactKind, int> Counts { get; } = [];

        public List<(string Id, ArtifactKind Kind)> Kinds { get; } = [];

        public List<string> People { get; } = [];

        public Dictionary<string, List<string>> PlansByProject { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> ReportsByProject { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> ProjectsByProduct { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<(string ArtifactId, string Pointer)>> Expected { get; } =
            PortfolioRules.ToDictionary(id => id, _ => new List<(string, string)>(), StringComparer.Ordinal);

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Person(int n) => "p-" + I(n % PersonCount);

        private static bool HasRoadmap(int product) => product % 5 != 0;

        /// <summary>Roadmap item 1 of these products is in progress but nothing (counted) delivers it: GOV904.</summary>
        private static bool Undelivered(int product) => product % 3 == 1 && HasRoadmap(product);

        private void Plant(string ruleId, string artifactId, string pointer) => Expected[ruleId].Add((artifactId, pointer));

        private void Document(ArtifactKind kind, string id, string body)
        {
            if (yaml.Length > 0) yaml.Append("---\n");
            yaml.Append("apiVersion: governance/v1\nkind: ").Append(kind).Append("\nmetadata:\n  id: ").Append(id).Append("\nspec:\n").Append(body);
            Counts[kind] = Counts.GetValueOrDefault(kind) + 1;
            Kinds.Add((id, kind));
        }

        public static GeneratedPortfolio Build()
        {
            var g = new GeneratedPortfolio();
            g.Generate();
            return g;
        }

        private void Generate()
        {
            var body = new StringBuilder("  name: Generated\n  people:\n");
            for (var p = 0; p < PersonCount; p++)
            {
                People.Add(Person(p));
                body.Append("    - { id: ").Append(Person(p)).Append(", name: Person ").Append(I(p)).Append(" }\n");
            }

            // Every product and project, then a product that does not exist: GOV901 at that element.
            body.Append("  productIds: [").Append(string.Join(", ", Enumerable.Range(0, ProductCount).Select(i => "product-" + I(i)))).Append(", product-99]\n");
            body.Append("  projectIds: [").Append(string.Join(", ", Enumerable.Range(0, 10 * ProjectsPerProduct).Select(i => "project-" + I(i)))).Append("]\n");
            Document(ArtifactKind.Portfolio, "portfolio", body.ToString());
            Plant("GOV901", "portfolio", "/spec/productIds/" + I(ProductCount));

            var backlogItem = 0;
            for (var i = 0; i < ProductCount; i++) Product(i, ref backlogItem);

            for (var n = 0; n < 10 * ProjectsPerProduct; n++) Project(n);

            // Plans, with two 20% allocations each for people 0..27 (at most 4 per person: never over 100%).
            var slot = 0;
            var planned = new List<int>();
            for (var n = 0; n < 10 * ProjectsPerProduct; n++)
            {
                if (HasPlan(n)) planned.Add(n);
            }

            var extra = new Dictionary<int, List<string>>
            {
                // p-28: 70% + 50% overlap 2026-12-01..2027-01-31; the later-starting one pushes over.
                [planned[0]] = ["{ personId: p-28, allocationPct: 70, period: { start: 2026-06-01, end: 2027-01-31 } }"],
                [planned[1]] = ["{ personId: p-28, allocationPct: 50, period: { start: 2026-12-01, end: 2027-03-31 } }"],
                // p-29: 60% + 60% overlap 2027-01-01..2027-02-28.
                [planned[2]] = ["{ personId: p-29, allocationPct: 60, period: { start: 2026-11-01, end: 2027-02-28 } }"],
                [planned[3]] = ["{ personId: p-29, allocationPct: 60, period: { start: 2027-01-01, end: 2027-05-31 } }"],
                // p-29 also over-allocated, but only in the past: not reported.
                [planned[4]] = ["{ personId: p-29, allocationPct: 60, period: { start: 2026-01-01, end: 2026-06-30 } }"],
                [planned[5]] = ["{ personId: p-29, allocationPct: 60, period: { start: 2026-03-01, end: 2026-08-31 } }"],
            };

            foreach (var n in planned)
            {
                var project = "project-" + I(n);
                var plan = "plan-" + I(n);
                var resources = new List<string>();
                for (var k = 0; k < 2; k++, slot++)
                    resources.Add($"{{ personId: p-{I(slot % 28)}, allocationPct: 20, period: {{ start: 2026-09-01, end: 2027-06-30 }} }}");
                if (extra.TryGetValue(n, out var more))
                {
                    foreach (var resource in more)
                    {
                        if (resource.Contains("p-28, allocationPct: 50", StringComparison.Ordinal) || resource.Contains("start: 2027-01-01", StringComparison.Ordinal))
                            Plant("GOV907", plan, "/spec/resources/" + I(resources.Count));
                        resources.Add(resource);
                    }
                }

                var sb = new StringBuilder();
                sb.Append("  projectId: ").Append(project).Append('\n');
                sb.Append("  approvedBy: ").Append(Person(n + 3)).Append('\n');
                sb.Append("  resources:\n");
                foreach (var resource in resources) sb.Append("    - ").Append(resource).Append('\n');
                sb.Append("  riskRegister:\n    - { id: risk-").Append(I(n)).Append("-0, title: Supplier late, owner: ").Append(Person(n + 4)).Append(" }\n");
                Document(ArtifactKind.ProjectPlan, plan, sb.ToString());
                PlansByProject[project] = [plan];
            }

            Assert.That(slot, Is.LessThanOrEqualTo(4 * 28), "regular allocations stay at or under 80% per person");

            // Status reports: three per project in progress or on hold with a plan; every 5th names a missing risk.
            var report = 0;
            for (var n = 0; n < 10 * ProjectsPerProduct; n++)
            {
                var project = "project-" + I(n);
                ReportsByProject.TryAdd(project, []);
                PlansByProject.TryAdd(project, []);
                if (!HasPlan(n) || Status(n) is not ("inProgress" or "onHold")) continue;
                for (var r = 0; r < 3; r++, report++)
                {
                    var id = $"status-{I(n)}-{I(r)}";
                    var risk = report % 5 == 2 ? $"risk-{I(n)}-9" : $"risk-{I(n)}-0";
                    if (report % 5 == 2) Plant("GOV901", id, "/spec/topRiskIds/0");
                    Document(ArtifactKind.StatusReport, id, $"  projectId: {project}\n  reportDate: 2026-10-{I(10 + (r * 7))}\n  author: {Person(n + r)}\n  overallRag: green\n  topRiskIds: [{risk}]\n");
                    ReportsByProject[project].Add(id);
                }
            }
        }

        private void Product(int i, ref int backlogItem)
        {
            var product = "product-" + I(i);
            var concept = i == ProductCount - 1;
            string[] stages = ["launched", "development", "growth", "mature", "sunset"];
            var stage = concept ? "concept" : stages[i % stages.Length];
            Document(ArtifactKind.Product, product, $"  productManager: {Person(i)}\n  lifecycleStage: {stage}\n");
            ProjectsByProduct[product] = [];
            if (!HasRoadmap(i) && !concept) Plant("GOV902", product, string.Empty);

            // Strategy: 4 objectives; the 4th is served by no roadmap item (on even products only by a dropped one), and
            // none is served when the product has no roadmap.
            var strategy = new StringBuilder("  productId: ").Append(product).Append("\n  vision: Better.\n  objectives:\n");
            for (var k = 0; k < 4; k++)
            {
                strategy.Append("    - { id: obj-").Append(I(i)).Append('-').Append(I(k)).Append(", statement: Grow, owner: ").Append(Person(i + k)).Append(" }\n");
                if (k == 3 || !HasRoadmap(i) || concept) Plant("GOV903", "strategy-" + I(i), "/spec/objectives/" + I(k));
            }

            Document(ArtifactKind.ProductStrategy, "strategy-" + I(i), strategy.ToString());
            if (concept) return;

            if (HasRoadmap(i))
            {
                var roadmap = new StringBuilder("  productId: ").Append(product).Append("\n  items:\n");
                string[] statuses = ["inProgress", "inProgress", "delivered"];
                for (var k = 0; k < 3; k++)
                    roadmap.Append("    - { id: ri-").Append(I(i)).Append('-').Append(I(k)).Append(", title: Item, status: ").Append(statuses[k]).Append(", objectiveIds: [obj-").Append(I(i)).Append('-').Append(I(k)).Append("] }\n");
                if (i % 2 == 0)
                    roadmap.Append("    - { id: ri-").Append(I(i)).Append("-3, title: Dropped, status: dropped, objectiveIds: [obj-").Append(I(i)).Append("-3] }\n");
                Document(ArtifactKind.Roadmap, "roadmap-" + I(i), roadmap.ToString());
                if (Undelivered(i)) Plant("GOV904", "roadmap-" + I(i), "/spec/items/1");
            }

            // Backlog: an epic delivering ri-i-0, stories under it; every 7th item (not the epic) names a missing roadmap
            // item; on the GOV904 products, a removed story names ri-i-1 (not counted).
            var backlog = new StringBuilder("  productId: ").Append(product).Append("\n  items:\n");
            for (var j = 0; j < BacklogItemsPerProduct; j++, backlogItem++)
            {
                var id = $"bi-{I(i)}-{I(j)}";
                var item = new StringBuilder("    - { id: ").Append(id).Append(", assignee: ").Append(Person(j));
                if (j == 0)
                {
                    item.Append(", type: epic, title: Epic, status: inProgress");
                    if (HasRoadmap(i)) item.Append(", roadmapItemId: ri-").Append(I(i)).Append("-0");
                }
                else
                {
                    item.Append(", type: story, title: Story, parentId: bi-").Append(I(i)).Append("-0");
                    if (backlogItem % 7 == 6)
                    {
                        item.Append(", status: ready, roadmapItemId: ri-").Append(I(i)).Append("-missing-").Append(I(j));
                        Plant("GOV901", "backlog-" + I(i), $"/spec/items/{I(j)}/roadmapItemId");
                    }
                    else if (j == 1 && Undelivered(i))
                    {
                        item.Append(", status: removed, roadmapItemId: ri-").Append(I(i)).Append("-1");
                    }
                    else if (j % 5 == 0 && HasRoadmap(i))
                    {
                        item.Append(", status: done, roadmapItemId: ri-").Append(I(i)).Append("-2");
                    }
                    else
                    {
                        item.Append(", status: new");
                    }
                }

                backlog.Append(item).Append(" }\n");
            }

            Document(ArtifactKind.Backlog, "backlog-" + I(i), backlog.ToString());
        }

        /// <summary>Project status by its position among its product's eight projects.</summary>
        private static string Status(int n) => (n % ProjectsPerProduct) switch
        {
            0 or 1 or 6 => "inProgress",
            2 => "onHold",
            3 or 5 => "notStarted",
            4 => "completed",
            _ => "cancelled",
        };

        private static string Phase(int n) => (n % ProjectsPerProduct) switch
        {
            3 => "planning",
            5 => "initiation",
            4 or 7 => "closed",
            _ => "execution",
        };

        /// <summary>Whether the project is under way (GOV906's sense).</summary>
        private static bool UnderWay(int n) => n % ProjectsPerProduct is 0 or 1 or 2 or 3 or 6;

        /// <summary>Projects under way have a plan, except the planted ones.</summary>
        private static bool HasPlan(int n)
        {
            var product = n / ProjectsPerProduct;
            var slot = n % ProjectsPerProduct;
            if (!UnderWay(n)) return false;
            return !((slot == 2 && product % 3 == 0) || (slot == 3 && product % 4 == 1) || (slot == 6 && product == 9));
        }

        private void Project(int n)
        {
            var product = n / ProjectsPerProduct;
            var slot = n % ProjectsPerProduct;
            var id = "project-" + I(n);
            var status = Status(n);

            // In progress: slot 1 of even products ended before today (GOV905), slot 6 ends today (not past), others later.
            var end = slot == 1 && product % 2 == 0 ? "2026-10-15" : slot == 6 ? "2026-11-01" : status is "completed" or "cancelled" ? "2026-06-30" : "2027-04-30";
            var body = new StringBuilder();
            body.Append("  productId: product-").Append(I(product)).Append('\n');
            body.Append("  sponsor: ").Append(n == 13 ? "p-ghost" : Person(n + 1)).Append('\n');
            body.Append("  projectManager: ").Append(Person(n + 2)).Append('\n');
            body.Append("  phase: ").Append(Phase(n)).Append("\n  status: ").Append(status).Append('\n');
            body.Append("  schedule: { start: 2026-01-05, end: ").Append(end).Append(" }\n");
            if (HasPlan(n)) body.Append("  planId: plan-").Append(I(n)).Append('\n');

            // The delivering project of ri-p-1 (slot 0); on the GOV904 products only a cancelled project lists it.
            if (HasRoadmap(product))
            {
                if (slot == 0 && !Undelivered(product)) body.Append("  roadmapItemIds: [ri-").Append(I(product)).Append("-1]\n");
                if (slot == 7) body.Append("  roadmapItemIds: [ri-").Append(I(product)).Append("-1, ri-").Append(I(product)).Append("-2]\n");
            }

            Document(ArtifactKind.Project, id, body.ToString());
            ProjectsByProduct["product-" + I(product)].Add(id);

            if (n == 13) Plant("GOV901", id, "/spec/sponsor");
            if (status == "inProgress" && end == "2026-10-15") Plant("GOV905", id, "/spec/schedule/end");
            if (UnderWay(n) && !HasPlan(n)) Plant("GOV906", id, string.Empty);
        }
    }
}
