using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV606")]
public sealed class GOV606UatNotSignedOffTests
{
    private const string RuleId = "GOV606";
    private const string NoUat = "Handover has no UAT (uat); run user acceptance testing and record its results and sign-off in uat";
    private const string NotSignedOff = "UAT is not signed off (uat.signedOffBy is blank); record who accepted the output for its users in signedOffBy, and when in signedOffOn";
    private const string FixDefects = "fix them before the handover, or agree to downgrade them with the receiving owner";

    private static string Handover(string body) => $"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: project-billing
        {body}
        """;

    private static string Defects(int open, int critical, int high, int max = 0) =>
        $"UAT leaves {open} critical or high defect(s) open ({critical} critical, {high} high), more than maxOpenHighDefects ({max}); {FixDefects}";

    [TestCase("", TestName = "No UAT: key absent")]
    [TestCase("uat:", TestName = "No UAT: null")]
    [TestCase("uat: {}", TestName = "No UAT: empty object")]
    public void A_handover_without_uat_fires_at_spec(string line)
    {
        RuleHarness.Findings(RuleId, Handover("  " + line)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoUat, "handover-billing", "/spec", 6, 3));
    }

    [TestCase("signedOffOn: 2026-10-28", TestName = "Not signed off: key absent")]
    [TestCase("signedOffBy: ''", TestName = "Not signed off: empty string")]
    [TestCase("signedOffBy:", TestName = "Not signed off: null")]
    public void A_uat_without_signedOffBy_fires_at_the_uat(string line)
    {
        var yaml = Handover($"""
              uat:
                completedOn: 2026-10-27
                testsPassed: 120
                testsTotal: 120
                {line}
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NotSignedOff, "handover-billing", "/spec/uat", 8, 5));
    }

    [Test]
    public void A_signed_off_uat_without_open_high_defects_does_not_fire()
    {
        var yaml = Handover("""
              uat:
                completedOn: 2026-10-27
                openDefects: { critical: 0, high: 0, medium: 4, low: 9 }
                signedOffBy: p-finance-lead
                signedOffOn: 2026-10-28
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("{ critical: 1 }", 1, 1, 0)]
    [TestCase("{ high: 2, medium: 7 }", 2, 0, 2)]
    [TestCase("{ critical: 1, high: 1, low: 3 }", 2, 1, 1)]
    public void Open_critical_and_high_defects_above_the_maximum_fire_at_openDefects(string defects, int open, int critical, int high)
    {
        var yaml = Handover($"""
              uat:
                signedOffBy: p-finance-lead
                openDefects: {defects}
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Defects(open, critical, high), "handover-billing", "/spec/uat/openDefects", 9, 18));
    }

    [TestCase("{ medium: 5, low: 20 }", TestName = "Defects: medium and low do not count")]
    [TestCase("{}", TestName = "Defects: empty counts are 0")]
    [TestCase("{ critical: ~, high: 0 }", TestName = "Defects: missing counts are 0")]
    public void Medium_low_and_missing_counts_do_not_fire(string defects)
    {
        var yaml = Handover($"""
              uat:
                signedOffBy: p-finance-lead
                openDefects: {defects}
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_maxOpenHighDefects_is_inclusive()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { maxOpenHighDefects = 2 });

        RuleHarness.Findings(RuleId, Handover("  uat: { signedOffBy: p-qa, openDefects: { critical: 1, high: 1 } }"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Handover("  uat: { signedOffBy: p-qa, openDefects: { critical: 1, high: 2 } }"), rules: rules)
            .Select(f => (f.Message, f.Pointer)).Should().Equal((Defects(3, 1, 2, 2), "/spec/uat/openDefects"));
    }

    [Test]
    public void An_unsigned_uat_with_open_defects_gives_two_findings()
    {
        var yaml = Handover("""
              uat:
                completedOn: 2026-10-27
                openDefects:
                  high: 3
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NotSignedOff, "handover-billing", "/spec/uat", 8, 5),
            new ExpectedFinding(Severity.Error, Defects(3, 0, 3), "handover-billing", "/spec/uat/openDefects", 10, 7));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Handover(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_uat_and_its_defects()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Handover",
              "metadata": { "id": "handover-billing" },
              "spec": {
                "uat": {
                  "testsTotal": 40,
                  "openDefects": { "critical": 2 }
                }
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "handover.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NotSignedOff, "handover-billing", "/spec/uat", 6, 12),
            new ExpectedFinding(Severity.Error, Defects(2, 2, 0), "handover-billing", "/spec/uat/openDefects", 8, 22));
    }
}
