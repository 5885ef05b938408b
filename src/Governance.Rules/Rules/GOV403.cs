using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV403: a risk has no response, or a response other than accept without a plan (error); or a response strategy
/// that does not suit its type, such as a threat that is exploited (warning).
/// </summary>
internal sealed class GOV403 : GovernanceRule
{
    private const string ThreatStrategies = "avoid, mitigate, transfer, escalate or accept";
    private const string OpportunityStrategies = "exploit, enhance, share, escalate or accept";

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV403",
        "Risk has no response",
        "Risk {0} {1}; {2}",
        RuleCategories.Plan,
        Severity.Error,
        "Every risk has a response strategy and, unless it is accepted, a plan for carrying it out (error); the strategy suits the risk's type: avoid, mitigate or transfer a threat, exploit, enhance or share an opportunity (warning otherwise).")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            foreach (var (risk, index) in PlanRuleFacts.Entries(context.Artifact.Spec.RiskRegister, PlanRuleFacts.BlankRisk))
            {
                var name = RuleFacts.DescribeQuotingLoneTitle(risk.Id, risk.Title, index);
                var type = risk.EffectiveType();
                var suited = type == RiskType.Opportunity ? OpportunityStrategies : ThreatStrategies;
                if (risk.Response is not { } response)
                {
                    context.Report(risk, name, "has no response", $"choose how to respond to this {PlanRuleFacts.Name(type)}: {suited}");
                    continue;
                }

                if (response != RiskResponse.Accept && risk.ResponsePlan.IsBlank())
                {
                    context.Report(risk, name, $"has response '{PlanRuleFacts.Name(response)}' but no responsePlan",
                        "say in responsePlan how the response is carried out, or accept the risk");
                }

                if (!Suits(response, type))
                {
                    var other = type == RiskType.Opportunity ? "threats" : "opportunities";
                    context.Report(Severity.Warning, risk, nameof(Risk.Response), name,
                        $"is {Article(type)} {PlanRuleFacts.Name(type)} but its response '{PlanRuleFacts.Name(response)}' is a strategy for {other}",
                        $"use {suited}");
                }
            }
        });

    /// <summary>Escalate and accept suit both types (SPEC §H GOV403).</summary>
    private static bool Suits(RiskResponse response, RiskType type) => response switch
    {
        RiskResponse.Avoid or RiskResponse.Mitigate or RiskResponse.Transfer => type == RiskType.Threat,
        RiskResponse.Exploit or RiskResponse.Enhance or RiskResponse.Share => type == RiskType.Opportunity,
        _ => true,
    };

    private static string Article(RiskType type) => type == RiskType.Opportunity ? "an" : "a";
}
