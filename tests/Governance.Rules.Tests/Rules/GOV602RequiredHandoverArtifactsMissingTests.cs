using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV602")]
public sealed class GOV602RequiredHandoverArtifactsMissingTests
{
    private const string RuleId = "GOV602";
    private const string Required = "required types: runbook, architecture, userGuide";
    private const string AddUrl = "add the URL where the receiving team finds it";

    private static string Handover(string artifacts) => $"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: project-billing
          receivingOwner: p-ops
        {artifacts}
        """;

    private static string Missing(string type, string required = Required) =>
        $"Handover has no '{type}' artifact; add one with the location where the receiving team finds it ({required})";

    [Test]
    public void One_finding_per_missing_required_type_at_the_artifacts_list()
    {
        var yaml = Handover("""
              artifacts:
                - { type: architecture, title: Architecture, location: https://wiki.example.com/billing/architecture }
                - { type: apiDocs, title: API reference, location: https://docs.example.com/billing }
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Missing("runbook"), "handover-billing", "/spec/artifacts", 9, 5),
            new ExpectedFinding(Severity.Error, Missing("userGuide"), "handover-billing", "/spec/artifacts", 9, 5));
    }

    [TestCase("artifacts: []", TestName = "No artifacts: empty list")]
    [TestCase("artifacts:", TestName = "No artifacts: null")]
    [TestCase("status: draft", TestName = "No artifacts: key absent")]
    public void Without_artifacts_every_required_type_is_missing_at_spec(string line)
    {
        // Findings at one location come out ordered by message (SPEC §B).
        RuleHarness.Findings(RuleId, Handover("  " + line)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Missing("architecture"), "handover-billing", "/spec", 6, 3),
            new ExpectedFinding(Severity.Error, Missing("runbook"), "handover-billing", "/spec", 6, 3),
            new ExpectedFinding(Severity.Error, Missing("userGuide"), "handover-billing", "/spec", 6, 3));
    }

    [Test]
    public void An_artifact_with_a_blank_location_fires_at_the_artifact()
    {
        var yaml = Handover("""
              artifacts:
                - { type: runbook, title: Runbook, location: https://wiki.example.com/billing/runbook }
                - { type: architecture, title: Architecture }
                - { type: userGuide, title: User guide, location: '  ' }
                - { type: dashboard, location: }
                - { title: Release notes }
                - { type: other }
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Handover artifact 'Architecture' (architecture) has no location; {AddUrl}", "handover-billing", "/spec/artifacts/1", 10, 7),
            new ExpectedFinding(Severity.Error, $"Handover artifact 'User guide' (userGuide) has no location; {AddUrl}", "handover-billing", "/spec/artifacts/2", 11, 7),
            new ExpectedFinding(Severity.Error, $"Handover artifact (dashboard) has no location; {AddUrl}", "handover-billing", "/spec/artifacts/3", 12, 7),
            new ExpectedFinding(Severity.Error, $"Handover artifact 'Release notes' has no location; {AddUrl}", "handover-billing", "/spec/artifacts/4", 13, 7),
            new ExpectedFinding(Severity.Error, $"Handover artifact (other) has no location; {AddUrl}", "handover-billing", "/spec/artifacts/5", 14, 7));
    }

    [Test]
    public void A_required_type_without_location_is_reported_once_for_the_location()
    {
        var yaml = Handover("""
              artifacts:
                - { type: runbook, title: Runbook }
                - { type: architecture, title: Architecture, location: https://wiki.example.com/billing/architecture }
                - { type: userGuide, title: User guide, location: https://docs.example.com/billing/guide }
            """);

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.Pointer, f.Message)).Should().Equal(
            ("/spec/artifacts/0", $"Handover artifact 'Runbook' (runbook) has no location; {AddUrl}"));
    }

    [Test]
    public void A_complete_handover_does_not_fire()
    {
        var yaml = Handover("""
              artifacts:
                - { type: runbook, title: Runbook, location: https://wiki.example.com/billing/runbook }
                - { type: architecture, title: Architecture, location: https://wiki.example.com/billing/architecture }
                - { type: userGuide, title: User guide, location: https://docs.example.com/billing/guide }
                - { type: runbook, title: Incident runbook, location: https://wiki.example.com/billing/incidents }
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Null_and_empty_entries_are_not_artifacts()
    {
        var yaml = Handover("""
              artifacts:
                -
                - {}
                - { type: runbook, title: Runbook, location: https://wiki.example.com/billing/runbook }
                - { type: architecture, title: Architecture, location: https://wiki.example.com/billing/architecture }
                - { type: userGuide, title: User guide, location: https://docs.example.com/billing/guide }
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_requiredArtifactTypes_replaces_the_default()
    {
        var yaml = Handover("""
              artifacts:
                - { type: runbook, title: Runbook, location: https://wiki.example.com/billing/runbook }
            """);
        var rules = RuleHarness.WithOptions(RuleId, new { requiredArtifactTypes = new[] { "runbook", "apiDocs", "sourceRepo" } });

        RuleHarness.Findings(RuleId, yaml, rules: rules).Select(f => f.Message).Should().Equal(
            Missing("apiDocs", "required types: runbook, apiDocs, sourceRepo"),
            Missing("sourceRepo", "required types: runbook, apiDocs, sourceRepo"));
    }

    [Test]
    public void Option_requiredArtifactTypes_empty_leaves_only_the_location_check()
    {
        var yaml = Handover("""
              artifacts:
                - { type: runbook, title: Runbook }
            """);
        var rules = RuleHarness.WithOptions(RuleId, new { requiredArtifactTypes = Array.Empty<string>() });

        RuleHarness.Findings(RuleId, yaml, rules: rules).Select(f => f.Pointer).Should().Equal("/spec/artifacts/0");
        RuleHarness.Findings(RuleId, Handover("  artifacts: []"), rules: rules).Should().BeEmpty();
    }

    [Test]
    public void Options_bind_from_camelCase_type_names()
    {
        new GOV602Options().RequiredArtifactTypes.Should().Equal(HandoverArtifactType.Runbook, HandoverArtifactType.Architecture, HandoverArtifactType.UserGuide);
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Handover("  artifacts: []"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().HaveCount(3).And.OnlyContain(f => f.Severity == Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_list_and_the_entry()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Handover",
              "metadata": { "id": "handover-billing" },
              "spec": {
                "artifacts": [
                  { "type": "runbook", "title": "Runbook", "location": "https://wiki.example.com/runbook" },
                  { "type": "architecture", "title": "Architecture", "location": "" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "handover.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Missing("userGuide"), "handover-billing", "/spec/artifacts", 6, 18),
            new ExpectedFinding(Severity.Error, $"Handover artifact 'Architecture' (architecture) has no location; {AddUrl}", "handover-billing", "/spec/artifacts/1", 8, 7));
    }
}
