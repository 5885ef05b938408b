namespace Governance.Rules.Build.EditorConfig;

/// <summary>
/// The <c>.editorconfig</c> and global configuration files of a build, resolving the
/// <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> of each rule for each file the way Roslyn does: the global
/// configurations first (a higher <c>global_level</c> wins; two at the same level that disagree cancel each other, with a
/// problem), then the <c>.editorconfig</c> files from the farthest to the nearest folder above the file (a file with
/// <c>root = true</c> stops the walk), and within a file the last matching section wins.
/// </summary>
internal sealed class AnalyzerConfigSet
{
    private const string KeyPrefix = "dotnet_diagnostic.";
    private const string KeySuffix = ".severity";
    private readonly List<AnalyzerConfigFile> editorConfigs;
    private readonly Dictionary<string, SeveritySetting> global = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ConfigProblem> problems = [];

    /// <summary>Builds the set from parsed files; a file that is global counts as global whatever its name.</summary>
    public AnalyzerConfigSet(IEnumerable<AnalyzerConfigFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.DistinctBy(f => f.Path, StringComparer.Ordinal).ToList();
        editorConfigs = [.. all.Where(f => !f.IsGlobal).OrderByDescending(f => f.Directory.Length)];
        foreach (var file in all)
        {
            foreach (var problem in file.Problems)
                problems.Add(new ConfigProblem(file.Path, problem.Line, $"'{problem.Value}' is neither a [section], a key = value pair nor a comment; the line is ignored"));
        }

        ResolveGlobal([.. all.Where(f => f.IsGlobal)]);
    }

    /// <summary>Lines that were ignored and settings that conflict.</summary>
    public IReadOnlyList<ConfigProblem> Problems => problems;

    /// <summary>Whether any file sets a severity at all (so a build without configuration files pays nothing).</summary>
    public bool IsEmpty => global.Count == 0 && editorConfigs.Count == 0;

    /// <summary>The severities set for <paramref name="fullPath"/>, by rule id (upper-case), with where each was set.</summary>
    public IReadOnlyDictionary<string, SeveritySetting> SeveritiesFor(string fullPath)
    {
        var result = new Dictionary<string, SeveritySetting>(global, StringComparer.OrdinalIgnoreCase);
        var applicable = new List<AnalyzerConfigFile>();
        foreach (var config in editorConfigs)
        {
            if (!IsUnder(fullPath, config.Directory)) continue;
            applicable.Add(config);
            if (config.IsRoot) break;
        }

        // Farthest first, so nearer files overwrite.
        for (var i = applicable.Count - 1; i >= 0; i--)
        {
            var config = applicable[i];
            var relative = Path.GetRelativePath(config.Directory, fullPath).Replace('\\', '/');
            foreach (var section in config.Sections)
            {
                if (!section.Matches(relative)) continue;
                foreach (var (rule, setting) in SeverityKeys(config, section.Entries.Values)) result[rule] = setting;
            }
        }

        return result;
    }

    private void ResolveGlobal(List<AnalyzerConfigFile> globals)
    {
        var chosen = new Dictionary<string, (SeveritySetting Setting, int Level)>(StringComparer.OrdinalIgnoreCase);
        var cancelled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in globals)
        {
            var level = file.GlobalLevel;
            foreach (var (rule, setting) in SeverityKeys(file, file.Preamble.Values))
            {
                if (!chosen.TryGetValue(rule, out var earlier) || level > earlier.Level)
                {
                    chosen[rule] = (setting, level);
                    cancelled.Remove(rule);
                }
                else if (level == earlier.Level && !string.Equals(earlier.Setting.Value, setting.Value, StringComparison.OrdinalIgnoreCase))
                {
                    cancelled.Add(rule);
                    problems.Add(new ConfigProblem(setting.File, setting.Line,
                        $"dotnet_diagnostic.{rule}.severity is set to '{setting.Value}' here and to '{earlier.Setting.Value}' in {earlier.Setting.File} at the same global_level {level}; neither applies (give one file a higher global_level)"));
                }
            }
        }

        foreach (var (rule, (setting, _)) in chosen)
        {
            if (!cancelled.Contains(rule)) global[rule] = setting;
        }
    }

    private static IEnumerable<(string Rule, SeveritySetting Setting)> SeverityKeys(AnalyzerConfigFile file, IEnumerable<AnalyzerConfigFile.Entry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Key.Length <= KeyPrefix.Length + KeySuffix.Length ||
                !entry.Key.StartsWith(KeyPrefix, StringComparison.Ordinal) ||
                !entry.Key.EndsWith(KeySuffix, StringComparison.Ordinal)) continue;
            var rule = entry.Key[KeyPrefix.Length..^KeySuffix.Length].ToUpperInvariant();
            yield return (rule, new SeveritySetting(entry.Value, file.Path, entry.Line));
        }
    }

    private static bool IsUnder(string fullPath, string directory)
    {
        var relative = Path.GetRelativePath(directory, fullPath);
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

/// <summary>A <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> value and where it was written.</summary>
/// <param name="Value">The value as written (<c>error</c>, <c>warning</c>, <c>suggestion</c>, <c>silent</c>, <c>none</c>, <c>default</c>).</param>
/// <param name="File">The configuration file's full path.</param>
/// <param name="Line">1-based line.</param>
internal sealed record SeveritySetting(string Value, string File, int Line);

/// <summary>A problem in a configuration file.</summary>
/// <param name="File">The file's full path.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record ConfigProblem(string File, int Line, string Message);
