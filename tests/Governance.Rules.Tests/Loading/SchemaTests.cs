using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Loading;

[TestFixture]
[Category("GOV002")]
public sealed class SchemaTests
{
    private static IReadOnlyList<Finding> Gov002(string spec, string kind = "ProjectPlan") =>
        RuleHarness.Findings("GOV002", $"""
            apiVersion: governance/v1
            kind: {kind}
            metadata: {"{"}id: x{"}"}
            spec:
            {spec}
            """);

    [Test]
    public void An_unknown_property_is_a_warning_with_a_did_you_mean()
    {
        var finding = Gov002("  riskRegistr: []").Should().ContainSingle().Subject;

        finding.Severity.Should().Be(Severity.Warning);
        finding.Pointer.Should().Be("/spec/riskRegistr");
        finding.Message.Should().Contain("riskRegistr").And.Contain("did you mean 'riskRegister'");
        finding.ArtifactId.Should().Be("x");
    }

    [Test]
    public void A_bad_enum_value_is_an_error_listing_the_allowed_values()
    {
        var finding = Gov002("  milestones:\n    - id: m\n      status: finished").Should().ContainSingle().Subject;

        finding.Severity.Should().Be(Severity.Error);
        finding.Pointer.Should().Be("/spec/milestones/0/status");
        finding.Message.Should().Contain("planned, atRisk, done, missed").And.Contain("'finished'");
        finding.Line.Should().Be(7);
        finding.Column.Should().Be(15);
    }

    [TestCase("2026-13-01")]
    [TestCase("2026-1-5")]
    [TestCase("yesterday")]
    public void A_bad_date_is_an_error(string date) =>
        Gov002($"  approvedOn: {date}").Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Pointer = "/spec/approvedOn", Severity = Severity.Error });

    [Test]
    public void A_wrong_type_is_an_error_and_the_value_is_treated_as_absent()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: x}
            spec:
              riskRegister: "none yet"
            """);

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV002")
            .Which.Should().BeEquivalentTo(new { Pointer = "/spec/riskRegister", Severity = Severity.Error });
        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV401").Which.Pointer.Should().Be("/spec");
        result.Artifacts.Should().ContainSingle().Which.As<ProjectPlan>().Spec.RiskRegister.Should().BeEmpty();
    }

    [TestCase(0)]
    [TestCase(6)]
    public void An_out_of_range_number_is_an_error(int probability) =>
        Gov002($"  riskRegister:\n    - id: r\n      probability: {probability}").Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Pointer = "/spec/riskRegister/0/probability", Severity = Severity.Error });

    [TestCase(1)]
    [TestCase(5)]
    public void Numbers_at_the_range_limits_are_valid(int probability) =>
        Gov002($"  riskRegister:\n    - id: r\n      probability: {probability}").Should().BeEmpty();

    [TestCase("  approvedOn: ")]
    [TestCase("  approvedOn: null")]
    [TestCase("  approvedOn: \"  \"")]
    [TestCase("  riskRegister: []")]
    [TestCase("  scope: {}")]
    [TestCase("  version: ~")]
    public void Null_or_blank_values_are_absent_not_schema_errors(string line) =>
        Gov002(line).Should().BeEmpty();

    [Test]
    public void A_missing_metadata_id_is_an_error_and_the_document_is_still_analysed()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              title: No id
            spec: {}
            """);

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV002")
            .Which.Should().BeEquivalentTo(new { Pointer = "/metadata", Severity = Severity.Error, Line = 4, Column = 3 });
        result.Findings.Should().Contain(f => f.RuleId == "GOV401");
    }

    [Test]
    public void A_missing_metadata_block_points_at_the_root()
    {
        RuleHarness.Findings("GOV002", "apiVersion: governance/v1\nkind: ProjectPlan\nspec: {}\n").Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Pointer = "", Line = 1, Column = 1 });
    }

    [Test]
    public void A_date_range_ending_before_it_starts_is_an_error_at_its_end_and_counts_as_absent()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: x}
            spec:
              schedule: {start: 2026-03-01, end: 2026-02-28}
            """);

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV002")
            .Which.Should().BeEquivalentTo(new { Pointer = "/spec/schedule/end", Line = 5, Column = 38 });
        result.Artifacts.Single().As<ProjectPlan>().Spec.Schedule.Should().BeNull();
    }

    [Test]
    public void A_one_day_range_is_valid() =>
        Gov002("  schedule: {start: 2026-03-01, end: 2026-03-01}").Should().BeEmpty();

    [Test]
    public void Yaml_uses_the_core_schema_so_quoted_numbers_are_strings_and_plain_dates_are_strings()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: x, lastUpdated: 2026-11-01}
            spec:
              version: "2"
              riskRegister:
                - {id: r, probability: "3"}
            """);

        result.Findings.Where(f => f.RuleId == "GOV002").Should().ContainSingle()
            .Which.Pointer.Should().Be("/spec/riskRegister/0/probability");
        result.Artifacts.Single().Metadata.LastUpdated.Should().Be(new DateOnly(2026, 11, 1));
    }

    [Test]
    public void A_list_item_of_the_wrong_type_is_reported_and_becomes_an_absent_entry()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: x}
            spec:
              riskRegister: [just a string, {id: r2}]
            """);

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV002").Which.Pointer.Should().Be("/spec/riskRegister/0");
        var plan = result.Artifacts.Single().As<ProjectPlan>();
        plan.Spec.RiskRegister.Should().HaveCount(2);
        plan.Spec.RiskRegister[0].Should().BeNull();
        plan.Spec.RiskRegister[1].Id.Should().Be("r2");
    }

    [Test]
    public void Enum_values_are_camel_case_and_action_priorities_keep_their_case()
    {
        var findings = RuleHarness.Findings("GOV002", """
            apiVersion: governance/v1
            kind: PostMortem
            metadata: {id: pm}
            spec:
              type: projectRetrospective
              status: inReview
              actionItems:
                - {id: a, priority: P1, status: wontDo, type: prevent}
                - {id: b, priority: p1}
            """);

        findings.Should().ContainSingle().Which.Pointer.Should().Be("/spec/actionItems/1/priority");
    }
}

[TestFixture]
[Category("GOV002")]
public sealed class FastPathTests
{
    [Test]
    public void Only_risk_probability_and_impact_carry_numeric_ranges_which_the_fast_path_checks_by_hand()
    {
        var ranged = typeof(Model.Artifact).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Model.Artifact).Namespace)
            .SelectMany(t => t.GetProperties().Where(p => p.DeclaringType == t && p.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RangeAttribute), false).Length > 0))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        ranged.Should().BeEquivalentTo("Risk.Probability", "Risk.Impact");
    }

    [TestCase("inprogress")]
    [TestCase("InProgress")]
    [TestCase("in_progress")]
    public void Enum_values_in_another_case_are_schema_errors(string status) =>
        RuleHarness.Findings("GOV002", $"apiVersion: governance/v1\nkind: Project\nmetadata: {{id: p}}\nspec: {{status: {status}}}\n")
            .Should().ContainSingle().Which.Pointer.Should().Be("/spec/status");

    [Test]
    public void A_valid_document_deserializes_completely_through_the_fast_path()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: PostMortem
            metadata: {id: pm, owner: p-a, lastUpdated: 2026-10-01, tags: [x]}
            spec:
              type: incident
              status: reviewed
              date: 2026-10-01
              timeline: [{at: "2026-09-30T10:00:00+02:00", event: Alert fired}]
              actionItems: [{id: a, priority: P0, status: inProgress, due: 2026-10-20, owner: p-a}]
            """);

        result.Findings.Should().NotContain(f => f.RuleId == "GOV002");
        var pm = result.Artifacts.Single().Should().BeOfType<Model.PostMortem>().Subject;
        pm.Spec.ActionItems[0].Priority.Should().Be(Model.ActionItemPriority.P0);
        pm.Spec.Timeline[0].At.Should().Be(new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(2)));
    }
}
