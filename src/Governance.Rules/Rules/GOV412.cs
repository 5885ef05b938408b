using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV412: a RACI entry does not name exactly one accountable person.</summary>
internal sealed class GOV412 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV412",
        "RACI accountability ambiguous",
        "RACI entry {0} has {1}; exactly one person is accountable for a deliverable",
        RuleCategories.Plan,
        Severity.Error,
        "Every RACI entry names exactly one accountable person: with none, nobody answers for the deliverable; with several, nobody does either.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            foreach (var (entry, index) in PlanRuleFacts.Entries(context.Artifact.Spec.Raci, PlanRuleFacts.BlankRaciEntry))
            {
                // Every written person counts, repeats too ([p-x, p-x] is two); blank entries are not people.
                var accountable = entry.Accountable?.Where(p => !p.IsBlank()).ToList() ?? [];
                if (accountable.Count == 1) continue;
                var what = accountable.Count == 0
                    ? "no accountable person"
                    : $"{accountable.Count} accountable people ({string.Join(", ", accountable)})";
                // None: the finding is about a missing value, at the entry; several: about the list written.
                if (accountable.Count == 0) context.Report(entry, Describe(entry, index), what);
                else context.ReportAt(entry, nameof(RaciEntry.Accountable), Describe(entry, index), what);
            }
        });

    private static string Describe(RaciEntry entry, int index) => RuleFacts.DescribeQuotingLoneTitle(null, entry.Deliverable, index);
}
