using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV907")]
public sealed class GOV907PersonOverAllocatedTests
{
    private const string RuleId = "GOV907";

    private const string Portfolio = """
        apiVersion: governance/v1
        kind: Portfolio
        metadata:
          id: portfolio
        spec:
          name: Kestrel
          people:
            - { id: p-dana, name: Dana Lee }
            - { id: p-sam, name: Sam Roy }
        """;

    /// <summary>A plan whose resources start on line 8 of its document (one flow mapping per line, at column 7).</summary>
    private static string Plan(string id, string projectId, params string[] resources) => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: {id}
        spec:
          projectId: {projectId}
          resources:
        {string.Join('\n', resources.Select(r => "    - " + r))}
        """;

    private static string Alloc(string person, string pct, string start, string end) =>
        $"{{ personId: {person}, allocationPct: {pct}, period: {{ start: {start}, end: {end} }} }}";

    private static string Project(string id, string status = "inProgress") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: {id}
        spec:
          status: {status}
        """;

    private static string Stream(params string[] documents) => string.Join("\n---\n", documents);

    private static string Projects(string statusA = "inProgress", string statusB = "notStarted") =>
        Stream(Project("project-a", statusA), Project("project-b", statusB), Portfolio);

    private static string Message(string peak, string from, string to, string across, string person = "'p-dana' (Dana Lee)", string max = "100") =>
        $"Person {person} is allocated up to {peak}% from {from} to {to}, more than maxAllocationPct ({max}%), across {across}; reduce the allocations or move their periods so that they add up to at most {max}%";

    private const string BothPlans = "plans 'plan-a' (project 'project-a') and 'plan-b' (project 'project-b')";

    [Test]
    public void Overlapping_allocations_above_100_are_reported_at_the_allocation_that_pushes_the_person_over()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-10", "2026-11-30")),
            Projects());

        // plan-b starts on line 10 (plan-a: 8 lines, then ---); its first resource is line 17.
        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-11-10", "2026-11-30", BothPlans), "plan-b", "/spec/resources/0", 17, 7));
    }

    [Test]
    public void The_pusher_is_the_allocation_that_began_last_whatever_the_document_order()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-10", "2026-11-30")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-11-10", "2026-11-30", BothPlans), "plan-a", "/spec/resources/0", 8, 7));
    }

    [Test]
    public void Exactly_100_percent_is_not_over_allocated()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "40", "2026-11-01", "2026-12-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("33.3", false)]
    [TestCase("33.4", true)]
    public void Decimal_percentages_are_added_exactly(string third, bool over)
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "33.4", "2026-11-01", "2026-12-31"), Alloc("p-dana", "33.3", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", third, "2026-11-01", "2026-12-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            over ? [Message("100.1", "2026-11-01", "2026-12-31", BothPlans)] : Array.Empty<string>());
    }

    [Test]
    public void Touching_periods_overlap_on_the_shared_day_as_ranges_are_inclusive()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-11-30")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-30", "2026-12-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-11-30", "2026-11-30", BothPlans), "plan-b", "/spec/resources/0", 17, 7));
    }

    [Test]
    public void Consecutive_periods_do_not_overlap()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-11-29")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-30", "2026-12-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Two_separate_over_allocated_intervals_are_two_findings()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "80", "2026-11-01", "2027-03-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "30", "2026-11-16", "2026-11-30"), Alloc("p-dana", "30", "2027-01-04", "2027-01-15")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message("110", "2026-11-16", "2026-11-30", BothPlans), "plan-b", "/spec/resources/0", 17, 7),
            new ExpectedFinding(Severity.Error, Message("110", "2027-01-04", "2027-01-15", BothPlans), "plan-b", "/spec/resources/1", 18, 7));
    }

    [Test]
    public void One_contiguous_interval_reports_its_peak_and_every_contributing_plan()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "70", "2026-11-01", "2026-12-31"), Alloc("p-dana", "20", "2026-12-01", "2026-12-10")),
            Plan("plan-b", "project-b", Alloc("p-dana", "40", "2026-11-20", "2026-12-20")),
            Plan("plan-c", "project-a", Alloc("p-dana", "10", "2026-12-05", "2027-01-31")),
            Projects());

        // Over from 11-20 (110) to 12-20 (peak 140 on 12-05..12-10); 12-21..12-31 is 80, within the maximum.
        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error,
            Message("140", "2026-11-20", "2026-12-20", "plans 'plan-a' (project 'project-a'), 'plan-b' (project 'project-b') and 'plan-c' (project 'project-a')"),
            "plan-b", "/spec/resources/0", 18, 7));
    }

    [Test]
    public void A_single_allocation_above_the_maximum_is_reported()
    {
        var yaml = Stream(Plan("plan-a", "project-a", Alloc("p-dana", "120", "2026-11-01", "2026-11-30")), Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-11-01", "2026-11-30", "plan 'plan-a' (project 'project-a')"), "plan-a", "/spec/resources/0", 8, 7));
    }

    [Test]
    public void Two_allocations_in_one_plan_name_the_plan_once()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-11-30"), Alloc("p-dana", "50", "2026-11-02", "2026-11-03")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("110", "2026-11-02", "2026-11-03", "plan 'plan-a' (project 'project-a')"), "plan-a", "/spec/resources/1", 9, 7));
    }

    [Test]
    public void People_are_counted_separately()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31"), Alloc("p-sam", "90", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-sam", "60", "2026-12-01", "2026-12-31"), Alloc("p-dana", "40", "2026-11-01", "2026-12-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("150", "2026-12-01", "2026-12-31", BothPlans, "'p-sam' (Sam Roy)"), "plan-b", "/spec/resources/0", 18, 7));
    }

    [Test]
    public void Overlaps_entirely_before_today_are_not_reported_unless_includePast()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-09-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-10-01", "2026-10-31")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { includePast = true })).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-10-01", "2026-10-31", BothPlans), "plan-b", "/spec/resources/0", 17, 7));
    }

    [Test]
    public void An_overlap_ending_today_is_reported_and_one_ending_yesterday_is_not()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-09-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-10-01", "2026-11-01")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(Message("120", "2026-11-01", "2026-11-01", BothPlans));
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 2)).Should().BeEmpty();
    }

    [Test]
    public void An_overlap_that_began_in_the_past_is_reported_from_today()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-09-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-10-01", "2026-11-15")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-11-01", "2026-11-15", BothPlans), "plan-b", "/spec/resources/0", 17, 7));
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { includePast = true })).Select(f => f.Message)
            .Should().Equal(Message("120", "2026-10-01", "2026-11-15", BothPlans));
    }

    [TestCase("completed")]
    [TestCase("cancelled")]
    public void Allocations_of_projects_that_are_not_active_are_ignored(string status)
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-10", "2026-11-30")),
            Projects(statusB: status));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("notStarted")]
    [TestCase("inProgress")]
    [TestCase("onHold")]
    public void Allocations_of_active_projects_count(string status)
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-10", "2026-11-30")),
            Projects(statusB: status));

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
    }

    [Test]
    public void Plans_whose_project_is_missing_without_status_or_not_a_project_are_ignored()
    {
        var allocation = Alloc("p-dana", "60", "2026-11-10", "2026-11-30");
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-missing", allocation),
            Plan("plan-c", "portfolio", allocation),
            Plan("plan-d", "project-b", allocation),
            Project("project-a"),
            Project("project-b", "\"\""),
            Portfolio);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Incomplete_allocations_are_skipped()
    {
        var yaml = Stream(
            Plan(
                "plan-a",
                "project-a",
                Alloc("p-dana", "60", "2026-11-01", "2026-12-31"),
                "{ allocationPct: 60, period: { start: 2026-11-01, end: 2026-12-31 } }",
                "{ personId: p-dana, period: { start: 2026-11-01, end: 2026-12-31 } }",
                "{ personId: p-dana, allocationPct: 60, period: { start: 2026-11-01 } }",
                "{ personId: p-dana, allocationPct: 60 }",
                "{ personId: p-dana, allocationPct: 60, period: { start: 2026-12-31, end: 2026-11-01 } }"),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_maxAllocationPct_sets_the_limit()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "50", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "40", "2026-11-10", "2026-11-30")),
            Projects());

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { maxAllocationPct = 90 })).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { maxAllocationPct = 80 })).Select(f => f.Message)
            .Should().Equal(Message("90", "2026-11-10", "2026-11-30", BothPlans, max: "80"));
    }

    [Test]
    public void Without_a_portfolio_the_person_is_named_by_id()
    {
        var yaml = Stream(
            Plan("plan-a", "project-a", Alloc("p-dana", "60", "2026-11-01", "2026-12-31")),
            Plan("plan-b", "project-b", Alloc("p-dana", "60", "2026-11-10", "2026-11-30")),
            Project("project-a"),
            Project("project-b"));

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(Message("120", "2026-11-10", "2026-11-30", BothPlans, "'p-dana'"));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        var yaml = Stream(Plan("plan-a", "project-a", Alloc("p-dana", "120", "2026-11-01", "2026-11-30")), Projects());

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Warning)).Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_resource()
    {
        const string json = """
            [
              { "apiVersion": "governance/v1", "kind": "Project", "metadata": { "id": "project-a" }, "spec": { "status": "inProgress" } },
              {
                "apiVersion": "governance/v1",
                "kind": "ProjectPlan",
                "metadata": { "id": "plan-a" },
                "spec": {
                  "projectId": "project-a",
                  "resources": [
                    { "personId": "p-dana", "allocationPct": 70, "period": { "start": "2026-11-01", "end": "2026-11-30" } },
                    { "personId": "p-dana", "allocationPct": 50, "period": { "start": "2026-11-20", "end": "2026-12-15" } }
                  ]
                }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "plans.json").ShouldBeExactly(new ExpectedFinding(
            Severity.Error, Message("120", "2026-11-20", "2026-11-30", "plan 'plan-a' (project 'project-a')", "'p-dana'"), "plan-a", "/spec/resources/1", 11, 9));
    }
}
