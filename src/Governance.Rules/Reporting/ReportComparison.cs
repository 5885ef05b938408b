using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Rules.Reporting;

/// <summary>
/// Two runs compared (<c>govern diff OLD.json NEW.json</c>, <c>govern check --compare OLD.json</c>): findings that are
/// new, fixed or persisting, and the change of the portfolio score. Findings are matched as a baseline matches them:
/// by rule id, artifact id (or file, for findings without an artifact) and JSON pointer, never by line, with counts:
/// for a key with <c>o</c> earlier and <c>n</c> current findings, the first <c>min(o, n)</c> current ones persist, the
/// others are new, and <c>o - n</c> earlier ones are fixed. Suppressed and exempted findings take no part.
/// </summary>
public sealed record ReportComparison
{
    /// <summary>The earlier report, as given on the command line; <see langword="null"/> when not from a file.</summary>
    public string? Previous { get; init; }

    /// <summary>The current report, as given to <c>govern diff</c>; <see langword="null"/> for the check being run.</summary>
    public string? Current { get; init; }

    /// <summary>How many findings are new, fixed and persisting.</summary>
    public required ReportComparisonCounts Counts { get; init; }

    /// <summary>The portfolio score before, after and the change.</summary>
    public required ReportScoreChange Score { get; init; }

    /// <summary>Findings of the current run that the earlier one did not have, in report order.</summary>
    public required IReadOnlyList<ReportFinding> New { get; init; }

    /// <summary>Findings of the earlier run that are gone, in the earlier report's order.</summary>
    public required IReadOnlyList<ReportFinding> Fixed { get; init; }

    /// <summary>Findings of the current run the earlier one also had, in report order.</summary>
    public required IReadOnlyList<ReportFinding> Persisting { get; init; }
}

/// <summary>How many findings are new, fixed and persisting.</summary>
/// <param name="New">Findings that appeared.</param>
/// <param name="Fixed">Findings that disappeared.</param>
/// <param name="Persisting">Findings in both runs.</param>
public sealed record ReportComparisonCounts(int New, int Fixed, int Persisting);

/// <summary>The portfolio score of two runs.</summary>
/// <param name="Before">The earlier score; <see langword="null"/> when the earlier report has none (written before scores existed).</param>
/// <param name="After">The current score.</param>
/// <param name="Change"><c>after - before</c>; <see langword="null"/> without an earlier score.</param>
public sealed record ReportScoreChange(int? Before, int After, int? Change);

/// <summary>Reads json reports and compares them.</summary>
internal static class ReportComparer
{
    /// <summary>What a comparison needs of a json report.</summary>
    internal sealed record ReportSnapshot(IReadOnlyList<ReportFinding> Findings, int? Score);

    private sealed record SnapshotDocument
    {
        public int FormatVersion { get; init; }
        public List<ReportFinding>? Findings { get; init; }
        public ReportScore? Score { get; init; }
    }

    /// <summary>Reads a report written by <c>govern check --format json</c>.</summary>
    /// <exception cref="InvalidDataException">The text is not such a report.</exception>
    public static ReportSnapshot Read(string json)
    {
        SnapshotDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SnapshotDocument>(json, JsonReportFormatter.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not a json report of govern check: {ex.Message}", ex);
        }

        if (document?.Findings is null || document.FormatVersion < 1)
            throw new InvalidDataException("not a json report of govern check (no formatVersion or findings); write one with 'govern check --format json'");
        if (document.FormatVersion > ReportModel.CurrentFormatVersion)
            throw new InvalidDataException($"format version {document.FormatVersion} is newer than this govern reads ({ReportModel.CurrentFormatVersion})");
        return new ReportSnapshot(document.Findings, document.Score?.Value);
    }

    /// <summary>The snapshot of a model being reported.</summary>
    public static ReportSnapshot Of(ReportModel model) => new(model.Findings, model.Score.Value);

    /// <summary>Compares <paramref name="previous"/> with <paramref name="current"/>.</summary>
    public static ReportComparison Compare(ReportSnapshot previous, ReportSnapshot current, string? previousName, string? currentName)
    {
        var before = Counted(previous.Findings).GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new Dictionary<(string, string?, string?, string?), int>();
        var added = new List<ReportFinding>();
        var persisting = new List<ReportFinding>();
        foreach (var finding in Counted(current.Findings))
        {
            var key = Key(finding);
            seen.TryGetValue(key, out var index);
            seen[key] = index + 1;
            if (before.TryGetValue(key, out var earlier) && index < earlier.Count) persisting.Add(finding);
            else added.Add(finding);
        }

        var fixedFindings = new List<ReportFinding>();
        foreach (var finding in Counted(previous.Findings))
        {
            var key = Key(finding);
            // The first min(o, n) earlier findings of a key persist; the rest are fixed.
            seen.TryGetValue(key, out var remaining);
            if (remaining > 0) seen[key] = remaining - 1;
            else fixedFindings.Add(finding);
        }

        return new ReportComparison
        {
            Previous = previousName,
            Current = currentName,
            Counts = new ReportComparisonCounts(added.Count, fixedFindings.Count, persisting.Count),
            Score = new ReportScoreChange(previous.Score, current.Score ?? 100, previous.Score is { } old ? (current.Score ?? 100) - old : null),
            New = added,
            Fixed = fixedFindings,
            Persisting = persisting,
        };
    }

    private static IEnumerable<ReportFinding> Counted(IEnumerable<ReportFinding> findings) =>
        findings.Where(f => f.State is ReportModelBuilder.Active or ReportModelBuilder.Baselined);

    private static (string, string?, string?, string?) Key(ReportFinding f) =>
        (f.RuleId, f.ArtifactId, f.ArtifactId is null ? f.File : null, f.Pointer);

    /// <summary>The comparison as text: one line per new and fixed finding, then a summary line with the score change.</summary>
    public static string FormatText(ReportComparison comparison)
    {
        var text = new StringBuilder();
        foreach (var finding in comparison.New) text.Append("new: ").Append(FindingLine(finding)).Append('\n');
        foreach (var finding in comparison.Fixed) text.Append("fixed: ").Append(FindingLine(finding)).Append('\n');
        text.Append(SummaryLine(comparison)).Append('\n');
        return text.ToString();
    }

    /// <summary><c>Compared with OLD: 2 new, 1 fixed, 5 persisting; health score 80 -> 74 (-6)</c>.</summary>
    public static string SummaryLine(ReportComparison comparison) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Compared with {comparison.Previous ?? "the earlier report"}: {comparison.Counts.New} new, {comparison.Counts.Fixed} fixed, {comparison.Counts.Persisting} persisting; health score {ScoreText(comparison.Score)}");

    /// <summary><c>80 -> 74 (-6)</c>, or <c>74</c> without an earlier score.</summary>
    public static string ScoreText(ReportScoreChange score) => score.Before is { } before
        ? string.Create(CultureInfo.InvariantCulture, $"{before} -> {score.After} ({Signed(score.After - before)})")
        : score.After.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>+3</c>, <c>-6</c>, <c>+0</c>.</summary>
    public static string Signed(int change) => change switch
    {
        > 0 => "+" + change.ToString(CultureInfo.InvariantCulture),
        0 => "+0",
        _ => change.ToString(CultureInfo.InvariantCulture),
    };

    private static string FindingLine(ReportFinding f) =>
        (f.Location is null ? string.Empty : f.Location + ": ") + f.Severity + " " + f.RuleId + ": " + f.Message +
        (f.ArtifactId is null ? string.Empty : " [" + f.ArtifactId + "]");
}
