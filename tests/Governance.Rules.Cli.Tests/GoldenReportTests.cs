using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary>
/// Every report format of a fixed small portfolio compared byte for byte with a golden file in <c>Golden/</c>, so any
/// change to a report is a visible diff in review. Run with <c>GOVERN_UPDATE_GOLDEN=1</c> to rewrite the files after an
/// intended change.
/// </summary>
[TestFixture]
[Category("Golden")]
public sealed class GoldenReportTests
{
    private static string GoldenFolder()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Governance.Rules.Cli.Tests", "Golden");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("tests/Governance.Rules.Cli.Tests/Golden not found above the test directory.");
    }

    private static Workspace Portfolio() => Workspace.Create(focusOnGov401: false)
        .Write("governance.yaml", """
            apiVersion: governance/v1
            kind: GovernanceConfig
            exemptions:
              - rule: GOV409
                artifact: plan-billing
                justification: Budget approved in the finance system, decision F-12
                expires: 2027-03-31
            """)
        .Write("projects/billing/plan.yaml", """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
              title: "Billing | invoices <v2>"
              suppressions:
                - rule: GOV406
                  justification: Scope is the signed statement of work
            spec:
              projectId: billing
              schedule: {start: 2026-01-01, end: 2026-12-31}
              milestones:
                - {id: m-1, name: Beta, baselineDate: 2026-10-15, status: planned}
              riskRegister: []
            """)
        .Write("projects/billing/report.json", """
            {"apiVersion": "governance/v1", "kind": "StatusReport",
             "metadata": {"id": "report-billing-10"},
             "spec": {"projectId": "billing", "reportDate": "2026-10-30", "overallRag": "amber", "summary": "Beta slips", "nextSteps": ["Re-plan beta"]}}
            """)
        .Write("broken.yaml", "apiVersion: governance/v1\nkind: [Project\n");

    [TestCase("text", "txt")]
    [TestCase("markdown", "md")]
    [TestCase("html", "html")]
    [TestCase("sarif", "sarif.json")]
    [TestCase("json", "json")]
    [TestCase("junit", "xml")]
    public async Task A_fixed_portfolio_renders_exactly_as_the_golden_file(string format, string extension)
    {
        using var workspace = Portfolio();

        var run = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01", "--format", format);

        run.ExitCode.Should().Be(1, run.ToString());
        var golden = Path.Combine(GoldenFolder(), $"report.{extension}");
        if (Environment.GetEnvironmentVariable("GOVERN_UPDATE_GOLDEN") == "1") await File.WriteAllTextAsync(golden, run.StdOut);
        File.Exists(golden).Should().BeTrue($"the golden file {golden} exists (run with GOVERN_UPDATE_GOLDEN=1 to write it)");
        run.StdOut.Should().Be(await File.ReadAllTextAsync(golden), $"the {format} report is unchanged; if the change is intended, run with GOVERN_UPDATE_GOLDEN=1 and review the diff");
    }
}
