using Governance.Rules.Configuration;

namespace Governance.Rules.DependencyInjection;

/// <summary>
/// Host-application settings of the engine, bound through the options pattern
/// (<c>services.AddGovernanceRules(o =&gt; ...)</c> or <c>services.Configure&lt;GovernanceRulesOptions&gt;(...)</c>). The
/// configuration given here is validated exactly like a <c>governance.yaml</c> file, and applies to every analysis
/// that does not pass its own <see cref="Engine.AnalysisOptions"/>.
/// </summary>
public sealed class GovernanceRulesOptions
{
    /// <summary>A configuration built in memory (rules, overrides, exemptions, asOf, timeZone).</summary>
    public GovernanceConfigDocument? Configuration { get; set; }

    /// <summary>A <c>governance.yaml</c> to read instead; relative paths are taken from the current directory.</summary>
    public string? ConfigurationFile { get; set; }
}
