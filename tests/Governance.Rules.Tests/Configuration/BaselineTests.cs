using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Configuration;

[TestFixture]
[Category("Baseline")]
public sealed class BaselineTests
{
    private const string TwoPlans = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata: {id: plan-a}
        spec: {projectId: a}
        ---
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata: {id: plan-b}
        spec: {projectId: b}
        """;

    private static AnalysisResult Analyze(string content, Baseline? baseline)
    {
        var engine = new GovernanceEngine(Governance.Rules.Rules.BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);
        var loaded = new Governance.Rules.Loading.ArtifactLoader().LoadContent("plans.yaml", System.Text.Encoding.UTF8.GetBytes(content));
        return engine.Analyze(loaded, new AnalysisOptions { AsOf = RuleHarness.DefaultToday, Baseline = baseline, Rules = RuleHarness.Only("GOV401") });
    }

    [Test]
    public void Baselined_findings_do_not_fail_the_run_and_new_ones_do()
    {
        var baseline = Baseline.From(Analyze(TwoPlans, null));
        baseline.Entries.Should().Equal(
            new BaselineEntry("GOV401", "plan-a", null, "/spec", 1),
            new BaselineEntry("GOV401", "plan-b", null, "/spec", 1));

        var same = Analyze(TwoPlans, baseline);
        same.Findings.Should().OnlyContain(f => f.IsBaselined);
        same.HasFindingsAtOrAbove(Severity.Info).Should().BeFalse();
        same.Summary.Baselined.Should().Be(2);

        var withNew = Analyze(TwoPlans + "\n---\napiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: plan-c}\nspec: {}\n", baseline);
        withNew.Findings.Single(f => f.ArtifactId == "plan-c").IsBaselined.Should().BeFalse();
        withNew.HasFindingsAtOrAbove(Severity.Error).Should().BeTrue();
    }

    [Test]
    public void Moving_content_within_the_file_keeps_findings_baselined()
    {
        var baseline = Baseline.From(Analyze(TwoPlans, null));
        var moved = "# a comment\n# and another\n" + TwoPlans.Replace("spec: {projectId: a}", "spec:\n  projectId: a\n  version: \"2\"", StringComparison.Ordinal);

        var result = Analyze(moved, baseline);

        result.Findings.Should().OnlyContain(f => f.IsBaselined);
        result.Findings[0].Line.Should().BeGreaterThan(4);
    }

    [Test]
    public void Counts_baseline_the_first_findings_in_report_order_and_fixed_entries_are_reported()
    {
        var baseline = new Baseline
        {
            Entries =
            [
                new BaselineEntry("GOV401", "plan-a", null, "/spec", 1),
                new BaselineEntry("GOV401", "plan-b", null, "/spec", 3),
                new BaselineEntry("GOV201", "gone", null, "/spec/items/0", 2),
            ],
        };

        var result = Analyze(TwoPlans, baseline);

        result.Findings.Should().OnlyContain(f => f.IsBaselined);
        result.FixedBaselineEntries.Should().Equal(
            new BaselineEntry("GOV401", "plan-b", null, "/spec", 2),
            new BaselineEntry("GOV201", "gone", null, "/spec/items/0", 2));
    }

    [Test]
    public void Findings_without_an_artifact_are_keyed_by_file()
    {
        var result = Analyze("key: [unclosed", null);
        var baseline = Baseline.From(result);

        baseline.Entries.Should().ContainSingle().Which.Should().Be(new BaselineEntry("GOV001", null, "plans.yaml", "", 1));
        Analyze("key: [unclosed", baseline).Findings.Should().OnlyContain(f => f.IsBaselined);
    }

    [Test]
    public void The_file_round_trips_sorted_and_stable()
    {
        var baseline = Baseline.From(Analyze(TwoPlans + "\n---\nkind: Nope\napiVersion: governance/v1\n", null));
        var path = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.json");
        try
        {
            BaselineFile.Write(baseline, path);
            var text = File.ReadAllText(path);

            text.Should().StartWith("{\n  \"version\": 1,").And.EndWith("}\n").And.NotContain("\r");
            BaselineFile.Read(path).Entries.Should().Equal(baseline.Entries);
            BaselineFile.ToJson(BaselineFile.Read(path)).Should().Be(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_broken_baseline_file_is_a_configuration_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"findings\": [ {\"count\": 2} ]}");
        try
        {
            var act = () => BaselineFile.Read(path, "old.json");
            act.Should().Throw<GovernanceConfigurationException>().WithMessage("old.json*ruleId*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
