using Governance.Rules.Model;

namespace HostApp;

/// <summary>The records the portal would build from its database: two projects and a plan.</summary>
internal static class Portfolio
{
    public static IReadOnlyList<Artifact> Build() =>
    [
        new Project
        {
            Metadata = new ArtifactMetadata { Id = "crm-upgrade", Title = "CRM upgrade", Owner = "p-dana" },
            Spec = new ProjectSpec
            {
                ProjectManager = "p-dana",
                Phase = ProjectPhase.Execution,
                Status = ProjectStatus.InProgress,
                Schedule = new DateRange { Start = new DateOnly(2026, 9, 1), End = new DateOnly(2027, 3, 31) },
                PlanId = "plan-crm-upgrade",
                // no Sponsor: the portal's own rule GOV950 reports it
            },
        },
        new ProjectPlan
        {
            Metadata = new ArtifactMetadata { Id = "plan-crm-upgrade", Title = "CRM upgrade plan" },
            Spec = new ProjectPlanSpec
            {
                ProjectId = "crm-upgrade",
                Version = "1.2",
                Schedule = new DateRange { Start = new DateOnly(2026, 9, 1), End = new DateOnly(2027, 3, 31) },
                Budget = new Budget { Approved = new Money { Amount = 250_000m, Currency = "EUR" } },
                // no RiskRegister: the built-in GOV401 reports it
            },
        },
        new Project
        {
            Metadata = new ArtifactMetadata { Id = "data-lake", Title = "Data lake" },
            Spec = new ProjectSpec
            {
                Sponsor = "p-omar",
                ProjectManager = "p-lea",
                Phase = ProjectPhase.Initiation,
                Status = ProjectStatus.NotStarted,
                Schedule = new DateRange { Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 6, 30) },
            },
        },
    ];
}
