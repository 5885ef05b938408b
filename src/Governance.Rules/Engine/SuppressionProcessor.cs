using System.Globalization;
using Governance.Rules.Loading;

namespace Governance.Rules.Engine;

/// <summary>
/// Applies inline suppressions and exemptions after the rules have reported (SPEC §E, §H): an invalid one (no
/// justification, expired) suppresses nothing and raises GOV005; a valid one that set nothing aside raises GOV006 when
/// its artifact was analysed and its rule ran. Engine diagnostics are never suppressed. Then applies the baseline.
/// </summary>
internal static class SuppressionProcessor
{
    public delegate bool RuleRanFor(string ruleId, ArtifactEntry entry);

    public static void Apply(List<Finding> findings, IReadOnlyList<ArtifactEntry> entries, AnalysisOptions options, DateOnly today, RuleRanFor ruleRan, Func<Finding, Finding> withEngineSeverity)
    {
        var diagnostics = new List<Finding>();
        var byArtifact = findings.Select((f, i) => (Finding: f, Index: i))
            .Where(x => x.Finding.ArtifactId is not null && !IsEngineDiagnostic(x.Finding.RuleId))
            .ToLookup(x => x.Finding.ArtifactId!, StringComparer.Ordinal);

        foreach (var entry in entries)
        {
            var suppressions = entry.Metadata.Suppressions;
            for (var i = 0; i < suppressions.Count; i++)
            {
                var suppression = suppressions[i];
                if (suppression is null) continue;
                Finding At(RuleDescriptor descriptor, string message)
                {
                    var (pointer, position) = entry.Locate(suppression, null);
                    return withEngineSeverity(new Finding
                    {
                        RuleId = descriptor.Id,
                        Severity = descriptor.DefaultSeverity,
                        Message = message,
                        ArtifactId = entry.Id,
                        File = entry.Document?.File,
                        Pointer = pointer,
                        Line = position.Line,
                        Column = position.Column,
                    });
                }

                var label = $"Suppression of {Show(suppression.Rule)}";
                if (Invalid(suppression.Rule, suppression.Justification, suppression.Expires, today) is { } why)
                {
                    diagnostics.Add(At(EngineDiagnostics.InvalidSuppression, $"{label} {why}, so it suppresses nothing"));
                    continue;
                }

                var matched = 0;
                foreach (var (finding, index) in byArtifact[entry.Id ?? string.Empty])
                {
                    if (finding.File != entry.Document?.File || !Matches(findings[index], suppression.Rule!, suppression.Pointer)) continue;
                    findings[index] = findings[index] with { Suppression = new FindingSuppression(SuppressionKind.InSource, suppression.Justification!.Trim()) };
                    matched++;
                }

                if (matched == 0 && ruleRan(suppression.Rule!, entry))
                    diagnostics.Add(At(EngineDiagnostics.UnusedSuppression, $"{label}{PointerText(suppression.Pointer)} matches no finding; remove it"));
            }
        }

        var artifactsById = entries.Where(e => e.Id is not null).ToLookup(e => e.Id!, StringComparer.Ordinal);
        foreach (var exemption in options.Exemptions)
        {
            Finding At(RuleDescriptor descriptor, string message) => withEngineSeverity(new Finding
            {
                RuleId = descriptor.Id,
                Severity = descriptor.DefaultSeverity,
                Message = message,
                File = exemption.Location?.File,
                Pointer = exemption.Location?.Pointer,
                Line = exemption.Location?.Line ?? 0,
                Column = exemption.Location?.Column ?? 0,
            });

            var label = $"Exemption of {Show(exemption.Rule)} for '{exemption.Artifact}'";
            if (Invalid(exemption.Rule, exemption.Justification, exemption.Expires, today) is { } why)
            {
                diagnostics.Add(At(EngineDiagnostics.InvalidSuppression, $"{label} {why}, so it exempts nothing"));
                continue;
            }

            var matched = 0;
            foreach (var (_, index) in byArtifact[exemption.Artifact])
            {
                if (!Matches(findings[index], exemption.Rule, exemption.Pointer)) continue;
                findings[index] = findings[index] with { Suppression = new FindingSuppression(SuppressionKind.Exemption, exemption.Justification!.Trim()) };
                matched++;
            }

            if (matched == 0 && artifactsById[exemption.Artifact].Any(e => ruleRan(exemption.Rule, e)))
                diagnostics.Add(At(EngineDiagnostics.UnusedSuppression, $"{label}{PointerText(exemption.Pointer)} matches no finding; remove it"));
        }

        findings.AddRange(diagnostics);
    }

    /// <summary>Marks the first min(n, c) findings of each key, in report order, as baselined; returns the entries with fewer findings than recorded.</summary>
    public static List<BaselineEntry> ApplyBaseline(List<Finding> orderedFindings, Baseline baseline)
    {
        var remaining = new Dictionary<BaselineKey, int>();
        foreach (var entry in baseline.Entries)
        {
            var key = BaselineKey.Of(entry);
            remaining[key] = remaining.GetValueOrDefault(key) + entry.Count;
        }

        for (var i = 0; i < orderedFindings.Count; i++)
        {
            var finding = orderedFindings[i];
            if (finding.Suppression is not null) continue;
            var key = BaselineKey.Of(finding);
            if (remaining.TryGetValue(key, out var left) && left > 0)
            {
                orderedFindings[i] = finding with { IsBaselined = true };
                remaining[key] = left - 1;
            }
        }

        return [.. baseline.Entries
            .Select(e => (Entry: e, Left: remaining.GetValueOrDefault(BaselineKey.Of(e))))
            .Where(x => x.Left > 0)
            .Select(x => x.Entry with { Count = Math.Min(x.Entry.Count, x.Left) })];
    }

    /// <summary>Whether a valid inline suppression of <paramref name="entry"/> or a valid exemption covers a finding of <paramref name="ruleId"/> at <paramref name="pointer"/>.</summary>
    public static bool IsSetAside(string ruleId, ArtifactEntry entry, string pointer, AnalysisOptions options, DateOnly today)
    {
        if (IsEngineDiagnostic(ruleId)) return false;
        foreach (var suppression in entry.Metadata.Suppressions)
        {
            if (suppression is not null && suppression.Rule == ruleId && Invalid(suppression.Rule, suppression.Justification, suppression.Expires, today) is null &&
                JsonPointer.IsAtOrBelow(pointer, suppression.Pointer ?? string.Empty)) return true;
        }

        return options.Exemptions.Any(e => e.Rule == ruleId && e.Artifact == entry.Id &&
            Invalid(e.Rule, e.Justification, e.Expires, today) is null && JsonPointer.IsAtOrBelow(pointer, e.Pointer ?? string.Empty));
    }

    /// <summary>
    /// Whether an inline suppression of <paramref name="entry"/> or an exemption of its artifact names <paramref name="ruleId"/>
    /// at all: when not, <see cref="IsSetAside"/> is false at every pointer, so the pointer need not be found.
    /// </summary>
    public static bool MaySetAside(string ruleId, ArtifactEntry entry, AnalysisOptions options)
    {
        if (IsEngineDiagnostic(ruleId)) return false;
        foreach (var suppression in entry.Metadata.Suppressions)
        {
            if (suppression?.Rule == ruleId) return true;
        }

        foreach (var exemption in options.Exemptions)
        {
            if (exemption.Rule == ruleId && exemption.Artifact == entry.Id) return true;
        }

        return false;
    }

    public static bool IsEngineDiagnostic(string ruleId) => ruleId.StartsWith("GOV0", StringComparison.Ordinal);

    private static bool Matches(Finding finding, string rule, string? pointer) =>
        finding.Suppression is null && finding.RuleId == rule && JsonPointer.IsAtOrBelow(finding.Pointer ?? string.Empty, pointer ?? string.Empty);

    private static string? Invalid(string? rule, string? justification, DateOnly? expires, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(rule)) return "names no rule";
        if (string.IsNullOrWhiteSpace(justification)) return "has no justification";
        if (expires is { } date && today > date) return "expired on " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    private static string Show(string? rule) => string.IsNullOrWhiteSpace(rule) ? "(no rule)" : rule;

    private static string PointerText(string? pointer) => string.IsNullOrEmpty(pointer) ? string.Empty : $" at '{pointer}'";
}
