namespace Governance.Rules.Reporting;

/// <summary>
/// The points one active finding deducts from a health score (the <c>scores</c> key of <c>governance.yaml</c>): by
/// severity, unless its rule has its own weight. A score is <c>max(0, 100 - sum of the weights of the group's active
/// findings)</c>; suppressed, exempted and baselined findings deduct nothing.
/// </summary>
public sealed record ScoreWeights
{
    /// <summary>The weights when the configuration says nothing: error 10, warning 3, info 1.</summary>
    public static ScoreWeights Default { get; } = new();

    /// <summary>Points per active error; default 10.</summary>
    public int Error { get; init; } = 10;

    /// <summary>Points per active warning; default 3.</summary>
    public int Warning { get; init; } = 3;

    /// <summary>Points per active info; default 1.</summary>
    public int Info { get; init; } = 1;

    /// <summary>Points per active finding of a rule, by rule id, whatever the finding's severity; wins over the severity weights.</summary>
    public IReadOnlyDictionary<string, int> Rules { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The points one active finding of <paramref name="ruleId"/> with <paramref name="severity"/> (<c>error</c>, <c>warning</c>, <c>info</c>) deducts.</summary>
    public int WeightOf(string ruleId, string severity)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (Rules.TryGetValue(ruleId, out var weight)) return weight;
        return severity switch
        {
            "error" => Error,
            "warning" => Warning,
            _ => Info,
        };
    }
}
