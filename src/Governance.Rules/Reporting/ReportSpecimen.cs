using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Reporting;

/// <summary>
/// A small report model in which every list has entries and every optional object is set once and absent once: each
/// template is rendered against it when compiled, so a misspelled field is an error whatever the real data holds.
/// </summary>
internal static class ReportSpecimen
{
    /// <summary>The report model as templates see it: named in error messages, documented in <c>docs/report-model.md</c>.</summary>
    public static TemplateModel<ReportModel> Template { get; } = new("report model", "see docs/report-model.md", Build);

    public static ReportModel Model => Template.Specimen;

    private static ReportModel Build()
    {
        var rule = new RuleDescriptor("GOV401", "Plan has no risk register", "{0}", RuleCategories.Plan, Severity.Error, "Every plan keeps a risk register.");
        Finding OnPlan(Severity severity, string message) => new()
        {
            RuleId = rule.Id,
            Severity = severity,
            Message = message,
            ArtifactId = "plan-a",
            File = "projects/a/plan.yaml",
            Pointer = "/spec",
            Line = 7,
            Column = 3,
        };

        var result = new AnalysisResult
        {
            Findings =
            [
                new Finding { RuleId = "GOV009", Severity = Severity.Warning, Message = "Rule GOV907 failed" },
                new Finding { RuleId = "GOV001", Severity = Severity.Error, Message = "Cannot parse", File = "broken.yaml", Pointer = "", Line = 2, Column = 1 },
                OnPlan(Severity.Error, "active"),
                OnPlan(Severity.Warning, "suppressed") with { Suppression = new FindingSuppression(SuppressionKind.InSource, "accepted") },
                OnPlan(Severity.Info, "exempted") with { Suppression = new FindingSuppression(SuppressionKind.Exemption, "decision D-17") },
                OnPlan(Severity.Error, "baselined") with { IsBaselined = true },
            ],
            Rules = [.. EngineDiagnostics.All, rule],
            Today = new DateOnly(2026, 11, 1),
            FilesAnalyzed = 4,
            Artifacts =
            [
                new Product { Kind = "Product", Metadata = new ArtifactMetadata { Id = "prod-a", Title = "Product A" } },
                new Project { Kind = "Project", Metadata = new ArtifactMetadata { Id = "proj-a" }, Spec = new ProjectSpec { ProductId = "prod-a" } },
                new ProjectPlan { Kind = "ProjectPlan", Metadata = new ArtifactMetadata { Id = "plan-a" }, Spec = new ProjectPlanSpec { ProjectId = "proj-a" } },
            ],
            ArtifactFiles = ["products/a/product.yaml", "projects/a/project.yaml", "projects/a/plan.yaml"],
            StageTimings = new Dictionary<string, TimeSpan> { ["load"] = TimeSpan.FromMilliseconds(1) },
            RuleTimings = new Dictionary<string, TimeSpan> { [rule.Id] = TimeSpan.FromMilliseconds(1) },
            BaselineApplied = true,
        };
        return ReportModel.Create(result, new ReportContext { ToolVersion = "0.0.0", BaselineUsed = true, IncludeTimings = true });
    }
}
