using System.Collections.Concurrent;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using TempFolder = Governance.Rules.Tests.Engine.KeepArtifactsTests.TempFolder;

namespace Governance.Rules.Tests.Engine;

/// <summary>
/// A streaming run loads backlogs as summaries (<see cref="DeferredBacklogItems"/>) when every rule with an action
/// on backlog records reads them so; its findings (rule, message, file, line, column, pointer, severity, order) are those
/// of a run that keeps every record, and a rule outside the catalog still gets ordinary records.
/// </summary>
[TestFixture]
public sealed class DeferredBacklogTests
{
    /// <summary>
    /// A portfolio whose JSON and YAML backlogs break GOV301–GOV305, with removed items without id that GOV904 names by
    /// their titles; one file is a root array with a byte order mark.
    /// </summary>
    private static TempFolder Portfolio()
    {
        var folder = new TempFolder();
        folder.Write("roadmap.yaml", """
            apiVersion: governance/v1
            kind: Roadmap
            metadata: { id: roadmap-x, title: X, owner: ann }
            spec:
              productId: product-x
              items:
                - { id: ri-1, title: Checkout, status: inProgress }
                - { id: ri-2, title: Search, status: inProgress }
            """);
        folder.Write("a/backlog.json", """
            {"apiVersion": "governance/v1", "kind": "Backlog", "metadata": {"id": "backlog-a", "title": "A", "owner": "ann"},
             "spec": {"productId": "product-x", "items": [
               {"id": "ep-1", "type": "epic", "title": "Checkout epic", "roadmapItemId": "ri-1", "status": "inProgress"},
               {"id": "st-1", "type": "story", "title": "No story", "parentId": "ep-1", "status": "ready", "estimate": 3,
                "acceptanceCriteria": ["works"]},
               {"id": "st-2", "type": "story", "title": "Half a story", "parentId": "ep-1", "status": "inProgress",
                "userStory": {"iWant": "to pay"}, "acceptanceCriteria": ["works"], "estimate": 21},
               {"id": "st-3", "type": "story", "title": "No criteria, ready", "parentId": "ep-1", "status": "ready", "estimate": 13,
                "userStory": {"asA": "buyer", "iWant": "to pay", "soThat": "I leave"}},
               {"id": "st-4", "type": "story", "title": "No criteria, new", "parentId": "ep-1", "status": "new",
                "userStory": {"asA": "buyer", "iWant": "to pay", "soThat": "I leave"}, "acceptanceCriteria": []},
               {"id": "tk-1", "type": "task", "title": "Unestimated task", "status": "ready", "parentId": "nowhere"},
               {"id": "st-5", "title": "Untraced", "type": "story", "status": "done", "estimate": 1,
                "userStory": {"asA": "buyer", "iWant": "x", "soThat": "y"}, "acceptanceCriteria": ["z"]},
               {},
               {"type": "story", "title": "Removed search", "roadmapItemId": "ri-2", "status": "removed"}
             ]}}
            """);
        folder.Write("b/backlogs.json", "\uFEFF" + """
            [{"apiVersion": "governance/v1", "kind": "Backlog", "metadata": {"id": "backlog-b", "title": "B", "owner": "ann"},
              "spec": {"productId": "product-y", "items": [
                {"id": "st-9", "type": "story", "title": "Too big", "estimate": 40, "status": "inProgress"}]}},
             {"apiVersion": "governance/v1", "kind": "Backlog", "metadata": {"id": "backlog-c", "title": "C", "owner": "ann"},
              "spec": {"productId": "product-z", "items": [
                {"id": "bg-1", "type": "bug", "title": "Crash", "status": "inProgress"}]}}]
            """);
        folder.Write("d/backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: { id: backlog-d, title: D, owner: ann }
            spec:
              productId: product-x
              items:
                - id: st-20
                  type: story
                  title: "Half a YAML story"
                  status: ready
                  estimate: 34
                  userStory:
                    iWant: to search
                - { type: story, title: Removed YAML search, roadmapItemId: ri-2, status: removed }
                - { id: tk-20, type: task, title: Unestimated YAML task, status: inProgress, parentId: st-20 }
            """);
        return folder;
    }

    [Test]
    public void Backlogs_read_as_summaries_give_the_findings_of_backlogs_read_as_records()
    {
        using var folder = Portfolio();
        var probe = new SummaryProbe("GOV991");

        var result = KeepArtifactsTests.AnalyzeBothWays(folder.Path, [.. BuiltInRules.Create(), probe]);

        probe.Deferred.Should().Contain(["backlog-a", "backlog-b", "backlog-c", "backlog-d"], "the streaming run summarized the backlogs");
        probe.Records.Should().Contain(["backlog-a", "backlog-b", "backlog-c", "backlog-d"], "the run that keeps records read them as records");
        var pointers = result.Findings.Where(f => f.RuleId.StartsWith("GOV30", StringComparison.Ordinal) || f.RuleId == "GOV904")
            .Select(f => $"{f.RuleId} {f.ArtifactId}{f.Pointer}").ToList();
        pointers.Should().Contain([
            "GOV301 backlog-a/spec/items/1", "GOV301 backlog-a/spec/items/2/userStory", "GOV302 backlog-a/spec/items/3",
            "GOV302 backlog-a/spec/items/4", "GOV303 backlog-a/spec/items/5", "GOV304 backlog-a/spec/items/2/estimate",
            "GOV305 backlog-a/spec/items/6", "GOV304 backlog-b/spec/items/0/estimate", "GOV904 roadmap-x/spec/items/1",
            "GOV301 backlog-d/spec/items/0/userStory", "GOV304 backlog-d/spec/items/0/estimate", "GOV302 backlog-d/spec/items/0",
            "GOV303 backlog-d/spec/items/2"]);
        result.Findings.Should().Contain(f => f.RuleId == "GOV904" && f.Message.Contains("Removed search", StringComparison.Ordinal)
            && f.Message.Contains("Removed YAML search", StringComparison.Ordinal));
        result.Findings.Where(f => f.File is "a/backlog.json" or "d/backlog.yaml").Should().OnlyContain(f => f.Line > 0 && f.Column > 0);
    }

    [Test]
    public void A_record_inside_a_summarized_item_is_located_like_a_record_of_a_kept_backlog()
    {
        using var folder = Portfolio();
        var probe = new SummaryProbe("GOV991", reportStories: true);

        var result = KeepArtifactsTests.AnalyzeBothWays(folder.Path, [.. BuiltInRules.Create(), probe]);

        probe.Deferred.Should().Contain(["backlog-a", "backlog-d"]);
        result.Findings.Where(f => f.RuleId == "GOV991" && f.File == "d/backlog.yaml").Select(f => f.Pointer).Should().Equal("/spec/items/0/userStory");
        result.Findings.Where(f => f.RuleId == "GOV991" && f.ArtifactId == "backlog-a").Select(f => f.Pointer).Should().Equal(
            "/spec/items/2/userStory", "/spec/items/3/userStory", "/spec/items/4/userStory", "/spec/items/6/userStory");
    }

    [Test]
    public void A_rule_outside_the_catalog_that_reads_backlogs_gets_records()
    {
        using var folder = Portfolio();
        var probe = new ListProbe("GOV992");

        KeepArtifactsTests.AnalyzeBothWays(folder.Path, [.. BuiltInRules.Create(), probe]);

        probe.Deferred.Should().BeEmpty();
        probe.Records.Should().Contain(["backlog-a", "backlog-d"]);
    }

    /// <summary>
    /// Records which backlogs it saw as summaries and which as records; with <c>reportStories</c>, reports every written
    /// <c>userStory</c> record (a record inside an item, which the pointer index finds only once the item is made).
    /// </summary>
    private class ListProbe(string id, bool reportStories = false) : GovernanceRule
    {
        public ConcurrentBag<string> Deferred { get; } = [];

        public ConcurrentBag<string> Records { get; } = [];

        public override RuleDescriptor Descriptor { get; } = new(id, "Probe", "{0}", RuleCategories.Backlog, Severity.Info, "Probe.");

        public override bool ReadsOtherArtifacts => false;

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<Backlog>(context =>
            {
                var items = context.Artifact.Spec.Items;
                (items is DeferredBacklogItems ? Deferred : Records).Add(context.Artifact.Id!);
                if (!reportStories) return;
                for (var i = 0; i < items.Count; i++)
                {
                    if (BacklogItemSummary.Of(items, i) is { HasIWant: true } && items[i].UserStory is { } story) context.Report(story, "a story");
                }
            });
    }

    /// <summary>A probe that stands for a rule of the catalog, which reads backlog items as summaries.</summary>
    private sealed class SummaryProbe(string id, bool reportStories = false) : ListProbe(id, reportStories), IReadsBacklogItemSummaries;
}
