using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Loading;

[TestFixture]
[Category("GOV004")]
public sealed class EnvelopeTests
{
    [Test]
    public void An_unknown_api_version_is_reported_at_apiVersion_and_nothing_else()
    {
        var result = RuleHarness.Analyze("apiVersion: governance/v2\nkind: Projct\nmetadata: {id: a}\nspec: {bogus: 1}\n");

        result.Findings.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "GOV004", Pointer = "/apiVersion", Line = 1, Column = 13, ArtifactId = "a" });
        result.Artifacts.Should().BeEmpty();
    }

    [Test]
    public void An_unknown_kind_is_reported_at_kind_with_a_suggestion()
    {
        var finding = RuleHarness.Analyze("apiVersion: governance/v1\nkind: ProjectPlna\nmetadata: {id: a}\n").Findings.Should().ContainSingle().Subject;

        finding.Should().BeEquivalentTo(new { RuleId = "GOV004", Pointer = "/kind", Line = 2, Column = 7 });
        finding.Message.Should().Contain("did you mean 'ProjectPlan'");
    }

    [TestCase("kind: ProjectPlan\nmetadata: {id: a}\n")]
    [TestCase("apiVersion: governance/v1\nmetadata: {id: a}\n")]
    [TestCase("metadata: {id: a}\nspec: {}\n")]
    public void A_missing_api_version_or_kind_is_reported_at_the_root(string yaml) =>
        RuleHarness.Analyze(yaml).Findings.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "GOV004", Pointer = "", Line = 1, Column = 1 });

    [Test]
    public void Kind_is_case_sensitive() =>
        RuleHarness.Analyze("apiVersion: governance/v1\nkind: projectplan\nmetadata: {id: a}\n").Findings.Should().ContainSingle()
            .Which.Pointer.Should().Be("/kind");

    [Test]
    public void A_document_with_GOV004_takes_no_part_in_reference_resolution_or_duplicate_ids()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: Nonsense
            metadata: {id: same}
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: same}
            spec: {riskRegister: [{id: r}]}
            """);

        // No GOV003 for the shared id and no dangling reference; the plan rules still report what the plan's content lacks.
        result.Findings.Where(f => f.RuleId.StartsWith("GOV00", StringComparison.Ordinal) || f.RuleId == "GOV901")
            .Select(f => f.RuleId).Should().Equal("GOV004");
        result.Artifacts.Should().ContainSingle();
    }

    [Test]
    public void A_configuration_document_is_never_an_artifact() =>
        RuleHarness.Analyze("apiVersion: governance/v1\nkind: GovernanceConfig\nrules: {GOV401: none}\n").Findings.Should().BeEmpty();

    [Test]
    public void A_scalar_document_in_an_explicit_file_is_GOV004() =>
        RuleHarness.Analyze("just text\n").Findings.Should().ContainSingle().Which.RuleId.Should().Be("GOV004");
}
