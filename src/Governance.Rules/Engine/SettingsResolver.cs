using System.Collections.Concurrent;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Governance.Rules.Engine;

/// <summary>The effective settings of each rule for each file: the top-level settings, then every matching override in order.</summary>
internal sealed class SettingsResolver
{
    private readonly AnalysisOptions options;
    private readonly string workingDirectory;
    private readonly (Matcher Matcher, string BaseDirectory, RuleOverride Override)[] overrides;
    private readonly ConcurrentDictionary<string, int[]> matchingOverridesByFile = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RuleId, string Overrides), RuleSettings?> merged = new();

    public SettingsResolver(AnalysisOptions options)
    {
        this.options = options;
        workingDirectory = Path.GetFullPath(options.Load.WorkingDirectory ?? Directory.GetCurrentDirectory());
        overrides = [.. options.Overrides.Select(o =>
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            foreach (var glob in o.Files) matcher.AddInclude(glob);
            return (matcher, Path.GetFullPath(o.BaseDirectory ?? workingDirectory, workingDirectory), o);
        })];
    }

    /// <summary>The settings of <paramref name="ruleId"/> for <paramref name="file"/> (relative to the working directory), or the top-level ones.</summary>
    /// <remarks>
    /// Called for every rule and artifact (tens of thousands of times a run), so the common path allocates nothing: the
    /// merge is a separate method, since a lambda here capturing its locals would allocate its closure on every call.
    /// </remarks>
    public RuleSettings? For(string ruleId, string? file)
    {
        var top = options.Rules.GetValueOrDefault(ruleId);
        if (overrides.Length == 0 || file is null) return top;
        var matching = matchingOverridesByFile.GetOrAdd(file, static (path, resolver) => resolver.Match(path), this);
        return matching.Length == 0 ? top : Merged(ruleId, top, matching);
    }

    private RuleSettings? Merged(string ruleId, RuleSettings? top, int[] matching) =>
        merged.GetOrAdd((ruleId, string.Join(',', matching)), static (_, state) =>
        {
            var (overrides, ruleId, top, matching) = state;
            var result = top;
            foreach (var index in matching)
            {
                if (overrides[index].Override.Rules.TryGetValue(ruleId, out var settings))
                    result = (result ?? new RuleSettings()).MergedWith(settings);
            }

            return result;
        }, (overrides, ruleId, top, matching));

    /// <summary>Whether the rule runs anywhere: on by default, or switched on by some override.</summary>
    public bool RunsAnywhere(string ruleId) =>
        options.Rules.GetValueOrDefault(ruleId) is not { Enabled: false } ||
        overrides.Any(o => o.Override.Rules.TryGetValue(ruleId, out var s) && s.Enabled == true);

    private int[] Match(string file)
    {
        var fullPath = Path.GetFullPath(file, workingDirectory);
        var result = new List<int>();
        for (var i = 0; i < overrides.Length; i++)
        {
            var relative = Path.GetRelativePath(overrides[i].BaseDirectory, fullPath).Replace('\\', '/');
            if (!relative.StartsWith("../", StringComparison.Ordinal) && overrides[i].Matcher.Match(relative).HasMatches) result.Add(i);
        }

        return [.. result];
    }
}
