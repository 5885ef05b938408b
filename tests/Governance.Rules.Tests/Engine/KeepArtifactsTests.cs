using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Engine;

/// <summary>
/// <see cref="AnalysisOptions.KeepArtifacts"/> off: files are loaded and checked a batch at a time and records no rule
/// needs are released, and the findings (rule, message, file, pointer, line, column, severity, order) and what
/// <see cref="AnalysisResult.Analyzed"/> says are exactly those of a run that keeps every record.
/// </summary>
[TestFixture]
public sealed class KeepArtifactsTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    /// <summary>Analyses <paramref name="folder"/> both ways and checks that the results agree; returns the streamed one.</summary>
    internal static AnalysisResult AnalyzeBothWays(string folder, IEnumerable<GovernanceRule>? rules = null)
    {
        var engine = new GovernanceEngine(rules ?? BuiltInRules.Create());
        var options = new AnalysisOptions { AsOf = Today, Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = folder } };
        var kept = engine.AnalyzePaths(["."], options);
        var streamed = engine.AnalyzePaths(["."], options with { KeepArtifacts = false });

        Assert.That(streamed.Findings.Select(Show), Is.EqualTo(kept.Findings.Select(Show)));
        Assert.That(streamed.Analyzed, Is.EqualTo(kept.Analyzed));
        Assert.That(streamed.FilesAnalyzed, Is.EqualTo(kept.FilesAnalyzed));
        Assert.That(streamed.Artifacts, Is.Empty);
        Assert.That(kept.Artifacts, Has.Count.EqualTo(kept.Analyzed.Count));
        return streamed;
    }

    private static string Show(Finding f) =>
        $"{f.RuleId} {f.Severity} {f.File}:{f.Line}:{f.Column} {f.Pointer} [{f.ArtifactId}] {f.Message} {f.Suppression} {f.IsBaselined}";

    [Test]
    public void The_sample_portfolio_gives_the_same_findings_without_keeping_records()
    {
        var result = AnalyzeBothWays(Path.Combine(FindRoot(), "samples", "portfolio"));
        Assert.That(result.Findings, Is.Not.Empty);
        Assert.That(result.Analyzed.Select(a => a.File), Has.All.Not.Null);
    }

    [Test]
    public void Streaming_progress_counts_no_artifact_as_analysed_before_the_rules_that_read_the_index_ran()
    {
        var reports = new System.Collections.Concurrent.ConcurrentQueue<AnalysisProgress>();
        var engine = new GovernanceEngine(BuiltInRules.Create());
        var options = new AnalysisOptions
        {
            AsOf = Today,
            KeepArtifacts = false,
            Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = Path.Combine(FindRoot(), "samples", "portfolio") },
            Progress = new SynchronousProgress(reports.Enqueue),
        };

        var result = engine.AnalyzePaths(["."], options);

        Assert.That(reports.Where(r => r.Artifacts == 0).Select(r => r.ArtifactsAnalyzed), Has.All.EqualTo(0));
        Assert.That(reports.Last(), Is.EqualTo(new AnalysisProgress(result.FilesAnalyzed, result.Analyzed.Count, result.Analyzed.Count)));
    }

    private sealed class SynchronousProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }

    [Test]
    public void Released_backlogs_are_read_again_to_report_cross_backlog_findings()
    {
        using var folder = new TempFolder();
        folder.Write("a/backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: { id: backlog-a, title: A, owner: ann }
            spec:
              productId: product-x
              items:
                - { id: s-1, title: Story one, type: story, status: ready, parentId: e-2 }
                - { id: s-2, title: Story two, type: story, status: ready, parentId: s-1 }
                - { id: s-3, title: Story three, type: story, status: ready, parentId: missing }
                - { id: s-4, title: Story four, type: story, status: ready, parentId: s-5 }
                - { id: s-5, title: Story five, type: story, status: ready, parentId: s-4 }
            """);
        folder.Write("b/backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: { id: backlog-b, title: B, owner: ann }
            spec:
              productId: product-x
              items:
                - { id: e-2, title: Epic two, type: epic, status: ready }
                - { id: e-3, title: Epic three, type: epic, status: ready, roadmapItemId: nowhere }
            """);
        var result = AnalyzeBothWays(folder.Path);
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV305").Select(f => f.Pointer),
            Is.SupersetOf(new[] { "/spec/items/0", "/spec/items/1", "/spec/items/2", "/spec/items/3" }));
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV901"), Is.Not.Empty);
    }

    /// <summary>
    /// Analyses <paramref name="folder"/> with each fast-path document's compact form kept and let go (positions from the
    /// file read and scanned again), records kept and released; the findings must agree to the line and column.
    /// </summary>
    private static AnalysisResult AnalyzeWithAndWithoutCompactDocuments(string folder)
    {
        var engine = new GovernanceEngine(BuiltInRules.Create());
        var load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = folder };
        var options = new AnalysisOptions { AsOf = Today, Load = load, KeepArtifacts = false };
        var readAgain = engine.AnalyzePaths(["."], options);
        var kept = engine.AnalyzePaths(["."], options with { Load = load with { KeepCompactDocuments = true } });
        var keptWithRecords = engine.AnalyzePaths(["."], options with { Load = load with { KeepCompactDocuments = true }, KeepArtifacts = true });
        Assert.That(readAgain.Findings.Select(Show), Is.EqualTo(kept.Findings.Select(Show)));
        Assert.That(readAgain.Findings.Select(Show), Is.EqualTo(keptWithRecords.Findings.Select(Show)));
        return readAgain;
    }

    [Test]
    public void Findings_on_released_yaml_artifacts_are_located_as_the_kept_document_locates_them()
    {
        using var folder = new TempFolder();
        // The block scanner takes the first file; the second has escapes and an anchor, so the event writer takes it.
        folder.Write("a/backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: { id: backlog-a, title: A, owner: ann }
            spec:
              productId: product-x
              items:
                - { id: s-1, title: Story one, type: story, status: ready, parentId: e-2 }
                - id: s-3
                  title: Story three
                  type: story
                  status: ready
                  parentId: missing
            """);
        folder.Write("b/backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: { id: backlog-b, title: "B \u00e9", owner: ann }
            spec:
              productId: product-x
              items:
                - &e2 { id: e-2, title: "Epic \"two\"", type: epic, status: ready }
                - { id: e-3, title: Epic three, type: epic, status: ready, roadmapItemId: nowhere }
                - { id: s-9, title: Story nine, type: story, status: ready, parentId: gone }
            """);
        Assert.That(ScannerTakes(folder, "a/backlog.yaml"), Is.True);
        Assert.That(ScannerTakes(folder, "b/backlog.yaml"), Is.False);
        Assert.That(Governance.Rules.Loading.YamlDocumentParser.TryReadFast(File.ReadAllBytes(System.IO.Path.Combine(folder.Path, "b/backlog.yaml"))), Is.Not.Null, "the event writer takes it");
        var result = AnalyzeWithAndWithoutCompactDocuments(folder.Path);
        var late = result.Findings.Where(f => f.RuleId is "GOV305" or "GOV901").ToList();
        Assert.That(late.Select(f => f.File).Distinct(), Is.EquivalentTo(new[] { "a/backlog.yaml", "b/backlog.yaml" }));
        Assert.That(late, Has.All.Matches<Finding>(f => f.Line > 0 && f.Column > 0));
        Assert.That(late.Where(f => f.RuleId == "GOV305").Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Pointer}"),
            Does.Contain("a/backlog.yaml:8:7 /spec/items/1").And.Contain("b/backlog.yaml:9:7 /spec/items/2"));
    }

    private static bool ScannerTakes(TempFolder folder, string file) =>
        Governance.Rules.Loading.YamlDocumentParser.TryReadFast(File.ReadAllBytes(System.IO.Path.Combine(folder.Path, file)), Governance.Rules.Loading.FastReader.Scanner) is not null;

    [Test]
    public void Findings_on_a_generated_yaml_portfolio_are_located_alike_with_and_without_compact_documents()
    {
        using var folder = new TempFolder();
        var portfolio = Benchmarks.PortfolioGenerator.Write(folder.Path, projects: 20, Benchmarks.PortfolioFormat.Yaml);
        Assert.That(portfolio.Files, Is.Not.Empty);
        var result = AnalyzeWithAndWithoutCompactDocuments(folder.Path);
        Assert.That(result.Findings, Is.Not.Empty);
        Assert.That(result.Findings.Where(f => f.File is not null), Has.All.Matches<Finding>(f => f.Line > 0));
    }

    [Test]
    public void Released_strategies_and_roadmaps_report_objectives_and_items_from_the_index()
    {
        using var folder = new TempFolder();
        folder.Write("x/strategy.yaml", """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata: { id: strategy-x, title: X, owner: ann }
            spec:
              productId: product-x
              objectives:
                - { id: o-1, statement: Served }
                - { id: o-2, statement: Only dropped }
                - { statement: No id }
                - {}
                - { id: o-3, statement: Elsewhere only }
            """);
        folder.Write("y/strategy.json", """
            { "apiVersion": "governance/v1", "kind": "ProductStrategy", "metadata": { "id": "strategy-y", "title": "Y", "owner": "ann" },
              "spec": { "objectives": [ { "id": "o-9", "statement": "No product" } ] } }
            """);
        folder.Write("x/roadmap.yaml", """
            apiVersion: governance/v1
            kind: Roadmap
            metadata: { id: roadmap-x, title: X, owner: ann }
            spec:
              productId: product-x
              items:
                - { id: ri-1, title: Served, status: inProgress, objectiveIds: [o-1] }
                - { id: ri-2, title: Dropped, status: dropped, objectiveIds: [o-2, o-2] }
                - { title: No id, status: inProgress, objectiveIds: [o-1] }
                - { id: ri-4, title: Cancelled only, status: inProgress }
                - { id: ri-5, title: Delivered, status: inProgress }
            """);
        folder.Write("z/roadmap.json", """
            { "apiVersion": "governance/v1", "kind": "Roadmap", "metadata": { "id": "roadmap-z", "title": "Z", "owner": "ann" },
              "spec": { "productId": "product-z", "items": [ { "id": "ri-1", "title": "Other product", "status": "inProgress", "objectiveIds": ["o-3"] } ] } }
            """);
        folder.Write("x/project.yaml", """
            apiVersion: governance/v1
            kind: Project
            metadata: { id: project-x, title: X, owner: ann }
            spec: { productId: product-x, status: cancelled, roadmapItemIds: [ri-4] }
            """);
        folder.Write("x/backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: { id: backlog-x, title: X, owner: ann }
            spec:
              productId: product-x
              items:
                - { id: e-1, title: Epic, type: epic, status: ready, roadmapItemId: ri-5 }
                - { id: s-1, title: Gone, type: story, status: removed, roadmapItemId: ri-4 }
            """);
        var result = AnalyzeBothWays(folder.Path);
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV903").Select(f => $"{f.ArtifactId} {f.Pointer}"),
            Is.EquivalentTo(new[] { "strategy-x /spec/objectives/1", "strategy-x /spec/objectives/2", "strategy-x /spec/objectives/4", "strategy-y /spec/objectives/0" }));
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV904").Select(f => $"{f.ArtifactId} {f.Pointer}"),
            Is.EquivalentTo(new[] { "roadmap-x /spec/items/0", "roadmap-x /spec/items/2", "roadmap-x /spec/items/3", "roadmap-z /spec/items/0" }));
        Assert.That(result.Findings.Single(f => f.RuleId == "GOV904" && f.Pointer == "/spec/items/3").Message,
            Does.Contain("cancelled project 'project-x'").And.Contain("removed backlog item"));
        Assert.That(result.Findings.Single(f => f.RuleId == "GOV903" && f.Pointer == "/spec/objectives/1").Message, Does.Contain("(dropped: "));
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV903" || f.RuleId == "GOV904").Select(f => f.Line), Has.All.GreaterThan(0));
    }

    [Test]
    public void Released_analytics_and_products_report_missing_feedback_from_the_index()
    {
        using var folder = new TempFolder();
        var products = new[] { ("p-a", "launched"), ("p-b", "growth"), ("p-c", "mature"), ("p-d", "launched"), ("p-e", "discovery") };
        foreach (var (id, stage) in products)
        {
            folder.Write($"{id}/product.yaml", $$"""
                apiVersion: governance/v1
                kind: Product
                metadata: { id: {{id}}, title: Title of {{id}}, owner: ann }
                spec: { lifecycleStage: {{stage}} }
                """);
        }

        var feedback = new[]
        {
            ("p-a", "a1", "feedback: []"),
            ("p-b", "b1", "feedback: [ { summary: Old, date: 2026-01-01 } ]"),
            ("p-b", "b2", "feedback: [ { summary: Undated } ]"),
            ("p-c", "c1", "feedback: [ { summary: Old, date: 2026-01-01 } ]"),
            ("p-c", "c2", "feedback: [ { summary: Recent, date: 2026-10-20 } ]"),
            ("p-d", "d1", "northStarMetricId: m-1"),
            ("p-e", "e1", "feedback: []"),
        };
        foreach (var (product, id, body) in feedback)
        {
            folder.Write($"{product}/{id}.yaml", $$"""
                apiVersion: governance/v1
                kind: ProductAnalytics
                metadata: { id: {{id}}, title: Analytics {{id}}, owner: ann }
                spec:
                  productId: {{product}}
                  {{body}}
                """);
        }

        var result = AnalyzeBothWays(folder.Path);
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV805").Select(f => $"{f.ArtifactId} {f.Pointer}"),
            Is.EquivalentTo(new[] { "a1 /spec", "b1 /spec/feedback", "b2 /spec/feedback", "d1 /spec" }));
        Assert.That(result.Findings.First(f => f.RuleId == "GOV805" && f.ArtifactId == "b2").Message,
            Does.Contain("'p-b' (Title of p-b)").And.Contain("the latest is dated 2026-01-01"));
    }

    [Test]
    public void Released_handovers_report_missing_sign_offs_from_the_index()
    {
        using var folder = new TempFolder();
        folder.Write("projects.yaml", """
            apiVersion: governance/v1
            kind: Project
            metadata: { id: done, title: Done, owner: ann }
            spec: { status: completed }
            ---
            apiVersion: governance/v1
            kind: Project
            metadata: { id: running, title: Running, owner: ann }
            spec: { status: inProgress }
            """);
        var signOffs = new[] { ("h1", "done", ""), ("h2", "done", "signOff: { by: bob }"), ("h3", "running", "signOff: { date: 2026-10-01 }"), ("h4", "running", "signOff: {}"), ("h5", "nowhere", ""), ("h6", "done", "signOff: { by: bob, date: 2026-10-01 }") };
        foreach (var (id, project, signOff) in signOffs)
        {
            folder.Write($"{id}.yaml", $$"""
                apiVersion: governance/v1
                kind: Handover
                metadata: { id: {{id}}, title: Handover {{id}}, owner: ann }
                spec:
                  projectId: {{project}}
                  {{signOff}}
                """);
        }

        var result = AnalyzeBothWays(folder.Path);
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV607").Select(f => $"{f.ArtifactId} {f.Pointer} {f.Severity}"),
            Is.EquivalentTo(new[] { "h1 /spec Error", "h2 /spec/signOff Error", "h3 /spec/signOff Warning", "h4 /spec Warning", "h5 /spec Warning" }));
    }

    [Test]
    public void Suppressions_on_streamed_artifacts_still_apply()
    {
        using var folder = new TempFolder();
        folder.Write("backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-a
              title: A
              owner: ann
              suppressions:
                - { rule: GOV305, justification: "Tracked elsewhere" }
                - { rule: GOV999, justification: "No such rule" }
            spec:
              productId: product-x
              items:
                - { id: s-1, title: Story one, type: story, status: ready, parentId: gone }
            """);
        var result = AnalyzeBothWays(folder.Path);
        Assert.That(result.Findings.Single(f => f.RuleId == "GOV305").Suppression, Is.Not.Null);
    }

    [Test]
    public void A_rule_that_does_not_say_it_reads_only_its_artifact_still_sees_every_record()
    {
        using var folder = TracedBacklogs(3);
        var result = AnalyzeBothWays(folder.Path, [.. BuiltInRules.Create(), new CountsBacklogItems()]);
        Assert.That(result.Findings.Where(f => f.RuleId == "GOV990").Select(f => f.Message), Has.All.EqualTo("3 items in all backlogs"));
    }

    [Test]
    public void A_rule_that_reads_only_its_artifact_and_fails_is_GOV009_as_it_streams()
    {
        using var folder = TracedBacklogs(2);
        var result = AnalyzeBothWays(folder.Path, [.. BuiltInRules.Create(), new FailsLocally()]);
        Assert.That(result.Findings.Count(f => f.RuleId == "GOV009" && f.Message.Contains("GOV991", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [TestCase("plan.json", "{\n  \"apiVersion\": \"governance/v1\",\n  \"kind\": \"ProjectPlan\",\n  \"metadata\": {\"id\": \"plan-1\", \"title\": \"Plan\"},\n  \"spec\": {\"projectId\": \"p\"}\n}\n", 4, 15)]
    [TestCase("plan.yaml", "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: plan-1\n  title: Plan\nspec:\n  projectId: p\n", 4, 3)]
    public void A_finding_of_a_rule_that_runs_as_files_stream_is_located_in_the_bytes_loaded_even_if_the_file_changed_since(string file, string content, int line, int column)
    {
        using var folder = new TempFolder();
        folder.Write(file, content);
        var engine = new GovernanceEngine([new RewritesItsFileThenReports(System.IO.Path.Combine(folder.Path, file))]);
        var options = new AnalysisOptions { AsOf = Today, KeepArtifacts = false, Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = folder.Path } };

        var finding = engine.AnalyzePaths(["."], options).Findings.Single(f => f.RuleId == "GOV992");

        Assert.That((finding.Pointer, finding.Line, finding.Column), Is.EqualTo(("/metadata", line, column)),
            "the file's bytes are held until the rules of its batch ran: the position is in what was loaded, not in the rewritten file (three lines lower) nor unknown");
        Assert.That(File.ReadAllText(System.IO.Path.Combine(folder.Path, file)), Does.StartWith("# rewritten"));
    }

    [Test]
    public void Rules_declare_what_they_read_of_other_artifacts()
    {
        var rules = BuiltInRules.Create().ToDictionary(r => r.Descriptor.Id);
        Assert.That(rules["GOV301"].ReadsOtherArtifacts, Is.False);
        Assert.That(rules["GOV305"].ReadsOtherArtifacts, Is.True);
        Assert.That(rules["GOV305"].OtherRecordsRead, Is.Empty);
        Assert.That(rules["GOV907"].OtherRecordsRead, Does.Contain(ArtifactKind.ProjectPlan));
        Assert.That(rules.Values.Where(r => r.OtherRecordsRead is { } kinds && kinds.Contains(ArtifactKind.Backlog)), Is.Empty,
            "no built-in rule reads another artifact's backlog record, so backlogs can be released");
        foreach (var kind in new[] { ArtifactKind.Roadmap, ArtifactKind.ProductStrategy, ArtifactKind.ProductAnalytics, ArtifactKind.Handover })
        {
            Assert.That(rules.Values.Where(r => r.OtherRecordsRead is { } kinds && kinds.Contains(kind)).Select(r => r.Descriptor.Id), Is.Empty,
                $"no built-in rule reads another artifact's {kind} record");
            Assert.That(rules.Values.Where(r => r.ReadsOtherArtifacts && RecordActionKinds(r).Contains(kind)).Select(r => r.Descriptor.Id), Is.Empty,
                $"no built-in rule that reads the index runs on a {kind} record, so they are released");
        }
        Assert.That(new CountsBacklogItems().ReadsOtherArtifacts, Is.True);
        Assert.That(new CountsBacklogItems().OtherRecordsRead, Is.Null);
    }

    /// <summary>The kinds on whose records <paramref name="rule"/> registers artifact actions (node actions excluded).</summary>
    private static IEnumerable<ArtifactKind> RecordActionKinds(GovernanceRule rule)
    {
        var registration = new RuleRegistration(rule);
        rule.Initialize(registration);
        return registration.ArtifactActions.Where(a => a.ReadsRecord).Select(a => a.Kind);
    }

    /// <summary><paramref name="count"/> backlog files of one product, each with one traced epic.</summary>
    private static TempFolder TracedBacklogs(int count)
    {
        var folder = new TempFolder();
        for (var i = 0; i < count; i++)
        {
            folder.Write($"b{i}/backlog.yaml", $$"""
                apiVersion: governance/v1
                kind: Backlog
                metadata: { id: backlog-{{i}}, title: B{{i}}, owner: ann }
                spec:
                  productId: product-x
                  items:
                    - { id: e-{{i}}, title: Epic, type: epic, status: ready, roadmapItemId: ri-1 }
                """);
        }

        return folder;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Governance.Rules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("Governance.Rules.sln not found above the test directory.");
    }

    /// <summary>A host's rule reading other artifacts' records (it declares nothing, so records are kept for it).</summary>
    private sealed class CountsBacklogItems : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } = new("GOV990", "Counts", "{0} items in all backlogs", "backlog", Severity.Info, "Counts items.");

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<Backlog>(context =>
                context.Report(context.Artifact, context.Portfolio.OfKind<Backlog>().Sum(b => b.Spec.Items?.Count ?? 0)));
    }

    /// <summary>A host's rule that reads only its artifact: it rewrites the artifact's file (three lines more, another write time), then reports the metadata.</summary>
    private sealed class RewritesItsFileThenReports(string path) : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } = new("GOV992", "Rewrites", "title", "project", Severity.Info, "Rewrites its file.");

        public override bool ReadsOtherArtifacts => false;

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<ProjectPlan>(context =>
            {
                File.WriteAllText(path, "# rewritten\n\n\n" + File.ReadAllText(path).Replace("Plan\"", "Another plan\"", StringComparison.Ordinal));
                File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(2));
                context.Report(context.Artifact.Metadata);
            });
    }

    /// <summary>A host's rule that says it reads only its artifact, and throws.</summary>
    private sealed class FailsLocally : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } = new("GOV991", "Fails", "never", "backlog", Severity.Info, "Throws.");

        public override bool ReadsOtherArtifacts => false;

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<Backlog>(context => throw new InvalidOperationException("broken on " + context.Artifact.Id));
    }

    internal sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govern-keep-" + Guid.NewGuid().ToString("N"));

        public void Write(string relative, string text)
        {
            var file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
