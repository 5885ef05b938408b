using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV501: an active project's latest status report is older than the reporting cadence, or an active project that
/// started more than one cadence ago has no status report at all.
/// </summary>
internal sealed class GOV501 : GovernanceRule<GOV501Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV501",
        "Status report overdue",
        "{0}, {1} days ago: {2} day(s) past the {3}-day reporting cadence ({4}); publish a status report",
        RuleCategories.Status,
        Severity.Warning,
        "An active project reports its status at least once per cadence: the shortest periodic frequency of its communication plan, else cadenceDays (14).")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context =>
        {
            var project = context.Artifact;
            if (!project.Spec.Status.IsActive()) return;
            var options = context.GetOptions<GOV501Options>();
            var (cadence, source) = Cadence(context.Portfolio, project, options);
            var today = context.Today;

            var latest = LatestReport(context.Portfolio, project.Id);
            string fact;
            DateOnly since;
            if (latest is { Spec.ReportDate: { } reportDate })
            {
                since = reportDate;
                fact = latest.Id.IsBlank()
                    ? $"Latest status report is dated {RuleFacts.DateText(reportDate)}"
                    : $"Latest status report '{latest.Id}' is dated {RuleFacts.DateText(reportDate)}";
            }
            else if (project.Spec.Schedule?.Start is { } start)
            {
                since = start;
                fact = $"No status report since the project started on {RuleFacts.DateText(start)}";
            }
            else
            {
                // Without a report or a start date nothing says when reporting was due (GOV002 and the plan rules see the schedule).
                return;
            }

            if (!RuleFacts.IsStale(since, today, cadence)) return;
            var age = RuleFacts.DaysBetween(since, today);
            context.Report(project, fact, age, age - cadence, cadence, source);
        });

    /// <summary>The project's report with the latest <c>reportDate</c> (the first in document order on a tie), by <c>projectId</c>.</summary>
    private static StatusReport? LatestReport(PortfolioIndex portfolio, string? projectId)
    {
        if (projectId.IsBlank()) return null;
        StatusReport? latest = null;
        foreach (var report in portfolio.ChildrenOf<StatusReport>(projectId))
        {
            if (report.Spec.ReportDate is not { } date) continue;
            if (latest?.Spec.ReportDate is not { } best || date > best) latest = report;
        }

        return latest;
    }

    /// <summary>The cadence in days and where it comes from (SPEC §H GOV501).</summary>
    private static (int Days, string Source) Cadence(PortfolioIndex portfolio, Project project, GOV501Options options)
    {
        var fallback = (options.CadenceDays, "option cadenceDays");
        if (!options.DeriveFromCommunicationPlan || PlanOf(portfolio, project) is not { } plan) return fallback;

        CommunicationFrequency? shortest = null;
        var shortestDays = int.MaxValue;
        var entries = plan.Spec.CommunicationPlan;
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (entries![i]?.Frequency is not { } frequency || PeriodDays(frequency) is not { } days) continue;
            if (days < shortestDays)
            {
                shortestDays = days;
                shortest = frequency;
            }
        }

        if (shortest is not { } found) return fallback;
        var planName = plan.Id.IsBlank() ? "its plan" : $"'{plan.Id}'";
        return (shortestDays, $"{FrequencyName(found)} in the communication plan of {planName}");
    }

    /// <summary>
    /// The project's plan: the first ProjectPlan in document order whose <c>projectId</c> is the project's id; when
    /// none names it, the plan named by the project's <c>planId</c>.
    /// </summary>
    private static ProjectPlan? PlanOf(PortfolioIndex portfolio, Project project)
    {
        if (!project.Id.IsBlank())
        {
            foreach (var plan in portfolio.ChildrenOf<ProjectPlan>(project.Id)) return plan;
        }

        return portfolio.TryGetArtifact<ProjectPlan>(project.Spec.PlanId, out var linked) ? linked : null;
    }

    /// <summary>The period of a periodic frequency; <c>perMilestone</c> and <c>adHoc</c> have none.</summary>
    private static int? PeriodDays(CommunicationFrequency frequency) => frequency switch
    {
        CommunicationFrequency.Daily => 1,
        CommunicationFrequency.Weekly => 7,
        CommunicationFrequency.Biweekly => 14,
        CommunicationFrequency.Monthly => 30,
        _ => null,
    };

    private static string FrequencyName(CommunicationFrequency frequency) => frequency switch
    {
        CommunicationFrequency.Daily => "daily",
        CommunicationFrequency.Weekly => "weekly",
        CommunicationFrequency.Biweekly => "biweekly",
        CommunicationFrequency.Monthly => "monthly",
        _ => frequency.ToString(),
    };
}

/// <summary>Options of GOV501.</summary>
internal sealed record GOV501Options
{
    /// <summary>
    /// Days allowed between two status reports when the cadence is not derived from the communication plan, or the
    /// plan has no periodic entry. Default 14.
    /// </summary>
    public int CadenceDays { get; init; } = 14;

    /// <summary>
    /// Whether the cadence is the shortest periodic frequency of the project plan's communication plan (daily 1,
    /// weekly 7, biweekly 14, monthly 30 days; perMilestone and adHoc ignored). Default <see langword="true"/>.
    /// </summary>
    public bool DeriveFromCommunicationPlan { get; init; } = true;
}
