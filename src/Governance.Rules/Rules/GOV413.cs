using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV413: a plan's communication plan is empty, an entry lacks its audience, channel, frequency or owner, or a
/// high-interest, high-influence stakeholder is named in no entry's audience.
/// </summary>
internal sealed class GOV413 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV413",
        "Communication plan gaps",
        "{0}",
        RuleCategories.Plan,
        Severity.Warning,
        "Every plan says who is told what, how, how often and by whom: the communication plan is not empty, each entry has an audience, channel, frequency and owner, and every high-interest, high-influence stakeholder is in some entry's audience.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var spec = context.Artifact.Spec;
            var entries = PlanRuleFacts.Entries(spec.CommunicationPlan, PlanRuleFacts.BlankCommunicationEntry).ToList();
            if (entries.Count == 0)
            {
                context.Report(spec, "Communication plan is empty; say who is told what, through which channel, how often and by whom");
                return;
            }

            var audience = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (entry, index) in entries)
            {
                foreach (var member in entry.Audience ?? [])
                {
                    if (!member.IsBlank()) audience.Add(member.Trim());
                }

                var missing = new List<string>(4);
                if (entry.Audience.IsBlank()) missing.Add("audience");
                if (entry.Channel is null) missing.Add("channel");
                if (entry.Frequency is null) missing.Add("frequency");
                if (entry.Owner.IsBlank()) missing.Add("owner");
                if (missing.Count > 0)
                {
                    context.Report(entry, $"Communication plan entry at index {index.ToString(CultureInfo.InvariantCulture)} has no {Join(missing)}; complete it so that the communication happens");
                }
            }

            foreach (var (stakeholder, index) in PlanRuleFacts.Entries(spec.Stakeholders, PlanRuleFacts.BlankStakeholder))
            {
                if (stakeholder is not { Interest: Level.High, Influence: Level.High } || IsCovered(stakeholder, audience, context.Portfolio)) continue;
                context.Report(stakeholder,
                    $"High-interest, high-influence stakeholder {PlanRuleFacts.Describe(stakeholder, index, context.Portfolio)} is named in no communication plan entry's audience; add them to an entry's audience");
            }
        });

    /// <summary>Covered when an audience entry equals, case-insensitively, the personId, that person's name, or the stakeholder's name.</summary>
    private static bool IsCovered(Stakeholder stakeholder, HashSet<string> audience, PortfolioIndex portfolio) =>
        Matches(stakeholder.PersonId, audience) || Matches(stakeholder.Name, audience)
        || (portfolio.TryGetPerson(stakeholder.PersonId?.Trim(), out var person) && Matches(person.Name, audience));

    private static bool Matches(string? value, HashSet<string> audience) => !value.IsBlank() && audience.Contains(value!.Trim());

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
}
