using System.Globalization;
using System.Text;
using Governance.Rules.Build.EditorConfig;
using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Governance.Rules.Rules;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Governance.Rules.Build;

/// <summary>
/// Analyses the governance files of a project and stores the findings for <see cref="ReportGovernanceFindings"/> to
/// log: severities from <c>governance.yaml</c>, then <c>.globalconfig</c>, then <c>.editorconfig</c> (nearest wins).
/// Writes the SARIF log when asked. An invalid property or configuration is an MSBuild error, never an exception.
/// </summary>
public sealed class CheckGovernance : MSBuildTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource cancellation = new();

    // Problems in .editorconfig files: stored with the findings, so an up-to-date build shows them again too.
    private readonly List<BuildFinding> configWarnings = [];

    /// <summary>The governance files (<c>@(GovernanceFile)</c>); files that are not governance artifacts are skipped.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The project's folder: findings and the SARIF log use paths relative to it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Where to store the findings for the report target.</summary>
    [Required]
    public string FindingsCache { get; set; } = string.Empty;

    /// <summary><c>$(GovernanceConfig)</c>: the configuration file; empty for none.</summary>
    public string? ConfigFile { get; set; }

    /// <summary><c>$(GovernanceAsOf)</c>: "today" for the clock rules, <c>YYYY-MM-DD</c>; empty for the configuration's or today.</summary>
    public string? AsOf { get; set; }

    /// <summary><c>$(GovernanceSarifLog)</c>: also write the SARIF 2.1.0 log there; empty for none.</summary>
    public string? SarifLog { get; set; }

    /// <summary>The <c>.editorconfig</c> files in the folders above the governance files.</summary>
    public ITaskItem[] EditorConfigFiles { get; set; } = [];

    /// <summary>The global configuration files (<c>.globalconfig</c>, or any with <c>is_global = true</c>).</summary>
    public ITaskItem[] GlobalConfigFiles { get; set; } = [];

    /// <summary>How many findings were stored (for logs and tests).</summary>
    [Output]
    public int FindingCount { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        TryDelete(FindingsCache);
        var projectDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory);
        var projectFile = BuildEngine?.ProjectFileOfTaskNode;

        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            if (!DateOnly.TryParseExact(AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                LogBuildError(BuildCodes.InvalidProperty, projectFile, 0, 0, $"GovernanceAsOf '{AsOf}' is not a date; expected YYYY-MM-DD, for example 2026-11-01.");
                return false;
            }

            asOf = date;
        }

        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);
        GovernanceConfiguration? configuration = null;
        string? configPath = null;
        if (!string.IsNullOrWhiteSpace(ConfigFile))
        {
            configPath = Path.GetFullPath(ConfigFile, projectDirectory);
            if (!File.Exists(configPath))
            {
                LogBuildError(BuildCodes.InvalidProperty, projectFile, 0, 0, $"GovernanceConfig: the configuration file '{configPath}' does not exist.");
                return false;
            }

            try
            {
                configuration = GovernanceConfigurationLoader.Load(configPath, engine.Rules, projectDirectory);
            }
            catch (GovernanceConfigurationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    var file = problem.File is null ? configPath : Path.GetFullPath(problem.File, projectDirectory);
                    LogBuildError(BuildCodes.InvalidConfiguration, file, problem.Line, problem.Column, problem.Message);
                }

                return false;
            }
        }

        string? sarifPath = string.IsNullOrWhiteSpace(SarifLog) ? null : Path.GetFullPath(SarifLog, projectDirectory);
        var files = Files
            .Select(f => Path.GetFullPath(f.GetMetadata("FullPath") is { Length: > 0 } full ? full : f.ItemSpec, projectDirectory))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var findings = new List<BuildFinding>();
        if (files.Count > 0)
        {
            var configs = ReadConfigFiles();
            var root = CommonDirectory(files);
            var editorOverrides = EditorConfigOverrides(configs, files, root, engine.Catalog);
            Baseline? baseline = null;
            try
            {
                if (configuration?.BaselineFile is { } baselineFile && File.Exists(baselineFile))
                    baseline = BaselineFile.Read(baselineFile, Path.GetRelativePath(projectDirectory, baselineFile).Replace('\\', '/'));
            }
            catch (GovernanceConfigurationException ex)
            {
                foreach (var problem in ex.Problems) LogBuildError(BuildCodes.InvalidConfiguration, configuration?.BaselineFile, problem.Line, problem.Column, problem.Message);
                return false;
            }

            var options = new AnalysisOptions
            {
                AsOf = asOf,
                Load = new LoadOptions
                {
                    Include = [.. files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))],
                    ExcludedFiles = new[] { configPath, sarifPath, configuration?.BaselineFile }.OfType<string>().ToList(),
                    WorkingDirectory = projectDirectory,
                },
            };
            if (configuration is not null) options = configuration.ApplyTo(options);
            options = options with { Overrides = [.. options.Overrides, .. editorOverrides], Baseline = baseline };

            AnalysisResult result;
            try
            {
                result = engine.AnalyzePaths([root], options, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                Log.LogMessage(MessageImportance.High, "Governance: the check was cancelled.");
                return false;
            }
            catch (InputPathNotFoundException ex)
            {
                LogBuildError(BuildCodes.CannotWrite, ex.FileName, 0, 0, $"The governance files cannot be read: '{ex.FileName}' does not exist.");
                return false;
            }

            var helpLinks = engine.Catalog.ToDictionary(d => d.Id, d => d.HelpUri, StringComparer.Ordinal);
            var engineIds = EngineDiagnostics.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var finding in result.Findings)
            {
                if (!finding.IsActive) continue;
                findings.Add(new BuildFinding(
                    finding.RuleId,
                    finding.Severity.ToName(),
                    finding.ArtifactId is null ? finding.Message : $"{finding.Message} [{finding.ArtifactId}]",
                    finding.File is null ? null : Path.GetFullPath(finding.File, projectDirectory),
                    finding.Line,
                    finding.Column,
                    helpLinks.GetValueOrDefault(finding.RuleId),
                    engineIds.Contains(finding.RuleId)));
            }

            if (sarifPath is not null && !TryWriteSarif(result, configuration, sarifPath)) return false;
        }
        else if (sarifPath is not null)
        {
            var empty = engine.Analyze([], new AnalysisOptions { AsOf = asOf });
            if (!TryWriteSarif(empty, configuration, sarifPath)) return false;
        }

        findings.InsertRange(0, configWarnings);
        try
        {
            Build.FindingsCache.Write(FindingsCache, findings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogBuildError(BuildCodes.CannotWrite, FindingsCache, 0, 0, $"The governance findings cannot be stored: {ex.Message}");
            return false;
        }

        FindingCount = findings.Count;
        Log.LogMessage(MessageImportance.Low, "Governance: {0} finding(s) in {1} file(s).", findings.Count, files.Count);
        return !Log.HasLoggedErrors;
    }

    /// <summary>Stops the analysis when the build is cancelled (Ctrl+C).</summary>
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public void Dispose() => cancellation.Dispose();

    private List<AnalyzerConfigFile> ReadConfigFiles()
    {
        var result = new List<AnalyzerConfigFile>();
        foreach (var item in EditorConfigFiles.Concat(GlobalConfigFiles))
        {
            var path = item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec;
            if (!File.Exists(path)) continue;
            try
            {
                result.Add(AnalyzerConfigFile.Read(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                WarnAbout(path, 0, $"The file cannot be read and is ignored: {ex.Message}");
            }
        }

        return result;
    }

    /// <summary>
    /// One override per distinct set of .editorconfig/.globalconfig severities, covering the files that share it; the
    /// engine applies overrides after governance.yaml's, so these win (SPEC §E: later entries win).
    /// </summary>
    private List<RuleOverride> EditorConfigOverrides(List<AnalyzerConfigFile> configs, List<string> files, string root, IReadOnlyList<RuleDescriptor> catalog)
    {
        var set = new AnalyzerConfigSet(configs);
        foreach (var problem in set.Problems) WarnAbout(problem.File, problem.Line, problem.Message);
        if (set.IsEmpty) return [];

        var known = catalog.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        var engineIds = EngineDiagnostics.All.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<(string, int)>();
        var groups = new Dictionary<string, (Dictionary<string, RuleSettings> Rules, List<string> Files)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var rules = new SortedDictionary<string, RuleSettings>(StringComparer.Ordinal);
            foreach (var (id, setting) in set.SeveritiesFor(file))
            {
                if (!known.TryGetValue(id, out var descriptor)) continue; // another tool's diagnostic, as Roslyn ignores ours
                var settings = ToSettings(setting, engineIds.Contains(id), reported);
                if (settings is not null) rules[descriptor.Id] = settings;
            }

            if (rules.Count == 0) continue;
            var key = string.Join(';', rules.Select(r => $"{r.Key}={r.Value.Severity}/{r.Value.Enabled}"));
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = (new Dictionary<string, RuleSettings>(rules, StringComparer.Ordinal), []);
            group.Files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return [.. groups.Values.Select(g => new RuleOverride { BaseDirectory = root, Files = g.Files, Rules = g.Rules })];
    }

    private RuleSettings? ToSettings(SeveritySetting setting, bool isEngineDiagnostic, HashSet<(string, int)> reported)
    {
        var value = setting.Value.Trim().ToLowerInvariant();
        switch (value)
        {
            case "error": return new RuleSettings { Severity = Severity.Error, Enabled = true };
            case "warning": return new RuleSettings { Severity = Severity.Warning, Enabled = true };
            case "suggestion" or "info": return new RuleSettings { Severity = Severity.Info, Enabled = true };
            case "default": return null;
            case "none" or "silent" when !isEngineDiagnostic: return new RuleSettings { Enabled = false };
            case "none" or "silent":
                if (reported.Add((setting.File, setting.Line)))
                    WarnAbout(setting.File, setting.Line,
                        $"'{setting.Value}' cannot turn off an engine diagnostic (GOV001-GOV009): set it to error, warning or suggestion; the setting is ignored");
                return null;
            default:
                if (reported.Add((setting.File, setting.Line)))
                    WarnAbout(setting.File, setting.Line,
                        $"'{setting.Value}' is not a severity; use error, warning, suggestion, silent, none or default; the setting is ignored");
                return null;
        }
    }

    private bool TryWriteSarif(AnalysisResult result, GovernanceConfiguration? configuration, string sarifPath)
    {
        try
        {
            if (Path.GetDirectoryName(sarifPath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            using var writer = new StreamWriter(sarifPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            new SarifReportFormatter().Write(result, new ReportContext
            {
                BaselineUsed = result.BaselineApplied,
                ScoreWeights = configuration?.Scores ?? ScoreWeights.Default,
            }, writer);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogBuildError(BuildCodes.CannotWrite, sarifPath, 0, 0, $"GovernanceSarifLog: the SARIF log cannot be written: {ex.Message}");
            return false;
        }
    }

    private void WarnAbout(string file, int line, string message) =>
        configWarnings.Add(new BuildFinding(BuildCodes.EditorConfigProblem, "warning", message, file, line, 0, null, IsEngineDiagnostic: false));

    private void LogBuildError(string code, string? file, int line, int column, string message) =>
        Log.LogError(null, code, null, file, line, column, 0, 0, "{0}", message);

    private static string CommonDirectory(List<string> files)
    {
        var common = Path.GetDirectoryName(files[0]) ?? files[0];
        foreach (var file in files.Skip(1))
        {
            while (!IsUnder(file, common) && Path.GetDirectoryName(common) is { } parent) common = parent;
        }

        return common;
    }

    private static bool IsUnder(string file, string directory)
    {
        var relative = Path.GetRelativePath(directory, file);
        return !Path.IsPathRooted(relative) && !relative.StartsWith("..", StringComparison.Ordinal);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (!string.IsNullOrEmpty(path)) File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Writing the new cache below reports the problem if the file is really in the way.
        }
    }
}
