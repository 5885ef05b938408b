namespace Governance.Rules.Engine;

/// <summary>
/// The rule categories and the id range each owns (SPEC §D): engine GOV0xx, strategy 1xx, roadmap 2xx, backlog 3xx,
/// plan 4xx, status 5xx, handover 6xx, postMortem 7xx, analytics 8xx, portfolio 9xx.
/// </summary>
public static class RuleCategories
{
    /// <summary>Engine diagnostics, GOV0xx.</summary>
    public const string Engine = "engine";
    /// <summary>Product strategy, GOV1xx.</summary>
    public const string Strategy = "strategy";
    /// <summary>Roadmap, GOV2xx.</summary>
    public const string Roadmap = "roadmap";
    /// <summary>Backlog, GOV3xx.</summary>
    public const string Backlog = "backlog";
    /// <summary>Project plan, GOV4xx.</summary>
    public const string Plan = "plan";
    /// <summary>Status reporting, GOV5xx.</summary>
    public const string Status = "status";
    /// <summary>Handover, GOV6xx.</summary>
    public const string Handover = "handover";
    /// <summary>Post-mortem, GOV7xx.</summary>
    public const string PostMortem = "postMortem";
    /// <summary>Product analytics, GOV8xx.</summary>
    public const string Analytics = "analytics";
    /// <summary>Cross-artifact portfolio rules, GOV9xx.</summary>
    public const string Portfolio = "portfolio";

    private static readonly string[] ByHundred =
        [Engine, Strategy, Roadmap, Backlog, Plan, Status, Handover, PostMortem, Analytics, Portfolio];

    /// <summary>The category that owns a rule id such as <c>GOV401</c>, or <see langword="null"/> for a malformed id.</summary>
    public static string? ForId(string ruleId)
    {
        if (!RuleIds.IsWellFormed(ruleId)) return null;
        return ByHundred[ruleId[3] - '0'];
    }
}

/// <summary>Rule id format: <c>GOV</c> followed by three digits.</summary>
internal static class RuleIds
{
    /// <summary>Whether <paramref name="ruleId"/> looks like <c>GOVnnn</c>.</summary>
    public static bool IsWellFormed(string? ruleId) =>
        ruleId is { Length: 6 } && ruleId.StartsWith("GOV", StringComparison.Ordinal) &&
        char.IsAsciiDigit(ruleId[3]) && char.IsAsciiDigit(ruleId[4]) && char.IsAsciiDigit(ruleId[5]);
}
