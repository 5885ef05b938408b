using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Commands;

/// <summary><c>govern check [paths...]</c>: analyses the governance files under the paths and reports the findings.</summary>
internal static class CheckCommand
{
    private const string FailOnNone = "none";

    public static Command Create(CliEnvironment environment)
    {
        var options = new CheckOptionSet();
        var command = options.AddTo(new Command("check", "Analyse governance artifacts and report the findings."));
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(options.ToRequest(parseResult), environment, cancellationToken)));
        return command;
    }

    /// <summary>What <c>check</c> and <c>baseline</c> were asked to do.</summary>
    internal sealed record CheckRequest(
        IReadOnlyList<string> Paths,
        string Format,
        string? Output,
        DateOnly? AsOf,
        string? FailOn,
        IReadOnlyList<string> Include,
        IReadOnlyList<string> Exclude,
        bool Timings,
        string? Config,
        string? Baseline,
        IReadOnlyList<string> Plugins,
        string? Template = null,
        string? Compare = null,
        IReadOnlyList<string>? RulePacks = null);

    private static int Run(CheckRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (GovernServices.TryCreate(environment, request.Plugins, request.RulePacks) is not { } services) return ExitCodes.InvalidInvocation;
        using var disposeServices = services;
        StartupTrace.Mark("services built");
        var formatter = services.FindFormatter(request.Format);
        if (formatter is null)
        {
            var available = string.Join(", ", services.GetServices<IReportFormatter>().Select(f => f.Name).Order(StringComparer.Ordinal));
            environment.Error.WriteLine($"govern check: unknown --format {request.Format}; available formats: {available}.");
            return ExitCodes.InvalidInvocation;
        }

        // A custom template is checked before the analysis: a broken one is an invalid invocation, not a late surprise.
        IReportTemplate? template = null;
        if (request.Template is not null)
        {
            template = LoadTemplate(request.Template, formatter.Name, environment, services.GetRequiredService<ITemplateRenderer>());
            if (template is null) return ExitCodes.InvalidInvocation;
        }

        // The earlier report is read before the analysis too: a missing or foreign file is an invalid invocation.
        ReportComparer.ReportSnapshot? previous = null;
        if (request.Compare is not null)
        {
            previous = DiffCommand.ReadReport(request.Compare, "govern check", environment);
            if (previous is null) return ExitCodes.InvalidInvocation;
        }

        var outputPath = request.Output is null ? null : environment.FullPath(request.Output);
        var engine = services.GetRequiredService<GovernanceEngine>();
        StartupTrace.Mark("engine resolved");
        if (Analyze(request, environment, engine, outputPath, useBaseline: true, cancellationToken) is not { } analysis) return ExitCodes.InvalidInvocation;
        var (result, configuration) = analysis;
        StartupTrace.Mark("analysis done");

        var context = new ReportContext
        {
            ToolVersion = CliVersion.Current,
            BaselineUsed = result.BaselineApplied,
            IncludeTimings = request.Timings,
            ScoreWeights = configuration?.Scores ?? ScoreWeights.Default,
            Previous = previous,
            PreviousName = request.Compare,
        };
        var reportTime = Stopwatch.StartNew();
        string? report = null;
        if (template is not null)
        {
            try
            {
                using var rendered = new StringWriter { NewLine = "\n" };
                template.Render(ReportModel.Create(result, context), rendered);
                report = rendered.ToString();
            }
            catch (ReportTemplateException ex)
            {
                environment.Error.WriteLine($"govern check: template {ex.Message}");
                return ExitCodes.InvalidInvocation;
            }
        }

        if (outputPath is not null)
        {
            try
            {
                WriteReportFile(formatter, report, result, context, outputPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"govern check: cannot write {request.Output}: {ex.Message}");
                return ExitCodes.InvalidInvocation;
            }

            environment.Error.WriteLine($"govern: wrote the {formatter.Name} report to {environment.DisplayPath(outputPath)}: {TextReportFormatter.FormatSummary(result)}");
        }
        else if (report is not null)
        {
            environment.Out.Write(report);
            environment.Out.Flush();
        }
        else if (environment.Terminal is { } terminal && formatter is TextReportFormatter)
        {
            TerminalReport.Write(result, context, terminal);
        }
        else
        {
            formatter.Write(result, context, environment.Out);
            environment.Out.Flush();
        }

        StartupTrace.Mark("report written");
        if (request.Timings) TimingsReport.Write(result, reportTime.Elapsed, environment.Error);
        if (result.FixedBaselineEntries.Count > 0)
        {
            var fixedCount = result.FixedBaselineEntries.Sum(e => e.Count);
            environment.Error.WriteLine($"govern: {fixedCount} baselined finding(s) are fixed; run 'govern baseline' to tighten the baseline.");
        }

        var failOnName = request.FailOn ?? configuration?.FailOn?.ToString().ToLowerInvariant() ?? "error";
        var threshold = failOnName == FailOnNone ? (Severity?)null : ParseSeverity(failOnName);
        return result.HasFindingsAtOrAbove(threshold) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    /// <summary>
    /// Loads the configuration and the baseline, then analyses the paths. Prints the reason and returns
    /// <see langword="null"/> when the invocation or the configuration is invalid (exit 2).
    /// </summary>
    internal static (AnalysisResult Result, GovernanceConfiguration? Configuration)? Analyze(
        CheckRequest request, CliEnvironment environment, GovernanceEngine engine, string? outputPath, bool useBaseline, CancellationToken cancellationToken)
    {
        GovernanceConfiguration? configuration = null;
        string? configPath;
        if (request.Config is not null)
        {
            configPath = environment.FullPath(request.Config);
            if (!File.Exists(configPath))
            {
                environment.Error.WriteLine($"govern: configuration file not found: {request.Config}");
                return null;
            }
        }
        else
        {
            configPath = GovernanceConfigurationLoader.Find(request.Paths.Count > 0 ? request.Paths[0] : ".", environment.WorkingDirectory);
        }

        StartupTrace.Mark("configuration found");

        Baseline? baseline = null;
        string? baselinePath = null;
        try
        {
            if (configPath is not null) configuration = GovernanceConfigurationLoader.Load(configPath, engine.Rules, environment.WorkingDirectory);
            if (request.Baseline is not null)
            {
                baselinePath = environment.FullPath(request.Baseline);
                if (!File.Exists(baselinePath))
                {
                    environment.Error.WriteLine($"govern: baseline file not found: {request.Baseline}");
                    return null;
                }
            }
            else
            {
                baselinePath = configuration?.BaselineFile;
            }

            if (useBaseline && baselinePath is not null && File.Exists(baselinePath))
                baseline = BaselineFile.Read(baselinePath, environment.DisplayPath(baselinePath));
        }
        catch (GovernanceConfigurationException ex)
        {
            foreach (var problem in ex.Problems) environment.Error.WriteLine($"govern: {problem}");
            return null;
        }

        var excluded = new[] { outputPath, configPath, baselinePath }.OfType<string>().Concat((request.RulePacks ?? []).Select(environment.FullPath)).ToList();
        var options = new AnalysisOptions
        {
            AsOf = request.AsOf,
            KeepArtifacts = false, // reports read AnalysisResult.Analyzed: the records can go as the run goes
            Load = new LoadOptions
            {
                Include = request.Include,
                Exclude = request.Exclude,
                ExcludedFiles = excluded,
                WorkingDirectory = environment.WorkingDirectory,
            },
        };
        if (configuration is not null) options = configuration.ApplyTo(options);
        options = options with { Baseline = baseline };

        try
        {
            // Without a terminal the progress display (and with it Spectre.Console) is not touched at all.
            var result = environment.Terminal is null
                ? engine.AnalyzePaths(request.Paths, options, cancellationToken)
                : AnalysisProgressDisplay.Run(environment.Terminal, options, o => engine.AnalyzePaths(request.Paths, o, cancellationToken));
            return (result, configuration);
        }
        catch (InputPathNotFoundException ex)
        {
            environment.Error.WriteLine($"govern: path not found: {ex.FileName}");
            return null;
        }
    }

    private static void WriteReportFile(IReportFormatter formatter, string? report, AnalysisResult result, ReportContext context, string outputPath)
    {
        if (Path.GetDirectoryName(outputPath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(outputPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (report is not null) writer.Write(report);
        else formatter.Write(result, context, writer);
    }

    /// <summary>
    /// Reads and compiles the <c>--template</c> file for <paramref name="format"/> (markdown or html only, SPEC §D).
    /// Prints the reason and returns <see langword="null"/> when it cannot be used (exit 2).
    /// </summary>
    private static IReportTemplate? LoadTemplate(string templateFile, string format, CliEnvironment environment, ITemplateRenderer renderer)
    {
        var templateFormat = format switch
        {
            ReportFormatNames.Markdown => TemplateFormat.Markdown,
            ReportFormatNames.Html => TemplateFormat.Html,
            _ => (TemplateFormat?)null,
        };
        if (templateFormat is null)
        {
            environment.Error.WriteLine($"govern check: --template applies only to --format markdown or --format html, not --format {format}.");
            return null;
        }

        return InputFiles.LoadTemplate(templateFile, "govern check", environment, (source, name) => renderer.Compile(source, templateFormat.Value, name));
    }

    private static Severity ParseSeverity(string name) =>
        SeverityNames.TryParse(name, out var severity)
            ? severity
            : throw new ArgumentOutOfRangeException(nameof(name), name, "--fail-on accepts only error, warning, info or none.");
}

/// <summary>The options <c>check</c> and <c>baseline</c> share (SPEC §D: <c>govern baseline</c> takes the options of <c>check</c>).</summary>
internal sealed class CheckOptionSet
{
    private const string FailOnNone = "none";
    private static readonly string[] FailOnLevels = ["error", "warning", "info", FailOnNone];

    public CheckOptionSet()
    {
        paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to analyse (folders are searched recursively for .yaml, .yml and .json files).",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        // An unknown option would otherwise be taken for a path: report it as the invocation error it is.
        paths.Validators.Add(static result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        format = new Option<string>("--format", "-f")
        {
            Description = $"The report format: {string.Join(", ", ReportFormatNames.All)}, or one a --plugin adds.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => ReportFormatNames.Text,
        };
        // Checked once the plugins are loaded (they may add formats): an unknown one is exit 2 with the list.
        format.CompletionSources.Add(ReportFormatNames.All.ToArray());
        output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output; the file is never read as an artifact.",
            HelpName = "FILE",
        };
        asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The date the clock rules use (default: today).",
            HelpName = "YYYY-MM-DD",
            CustomParser = ParseDate,
        };
        failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit 1 when a finding at or above this severity is neither suppressed, exempted nor baselined (default: the configuration's failOn, else error).",
        };
        failOn.AcceptOnlyFromAmong(FailOnLevels);
        include = new Option<string[]>("--include")
        {
            Description = "Only analyse files matching this glob, relative to each path (repeatable).",
            HelpName = "GLOB",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        exclude = new Option<string[]>("--exclude")
        {
            Description = "Leave out files matching this glob, relative to each path (repeatable).",
            HelpName = "GLOB",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        timings = new Option<bool>("--timings")
        {
            Description = "Print the time spent per stage and per rule to standard error (and include it in the json report).",
        };
        config = new Option<string?>("--config")
        {
            Description = "The configuration file (default: governance.yaml in the first path or above it).",
            HelpName = "FILE",
        };
        plugin = new Option<string[]>("--plugin")
        {
            Description = "Load the rules of a .NET assembly (repeatable); plugins load only when given here.",
            HelpName = "ASSEMBLY",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        template = new Option<string?>("--template")
        {
            Description = "Render the markdown or html report with this Handlebars template instead of the built-in one (fields: docs/report-model.md).",
            HelpName = "FILE",
        };
        baseline = new Option<string?>("--baseline")
        {
            Description = "A baseline written by 'govern baseline': the findings it records are reported as baselined and do not fail the run.",
            HelpName = "FILE",
        };
        rules = new Option<string[]>("--rules")
        {
            Description = "Add the rules of a declarative rule pack, YAML or JSON (repeatable; format: rules/packs/README.md).",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        compare = new Option<string?>("--compare")
        {
            Description = "Compare with an earlier 'govern check --format json' report: new, fixed and persisting findings and the score change.",
            HelpName = "OLD.json",
        };
    }

    private readonly Argument<string[]> paths;
    private readonly Option<string> format;
    private readonly Option<string?> output;
    private readonly Option<DateOnly?> asOf;
    private readonly Option<string?> failOn;
    private readonly Option<string[]> include;
    private readonly Option<string[]> exclude;
    private readonly Option<bool> timings;
    private readonly Option<string?> config;
    private readonly Option<string?> baseline;
    private readonly Option<string[]> plugin;
    private readonly Option<string[]> rules;
    private readonly Option<string?> template;
    private readonly Option<string?> compare;

    /// <summary>Adds the arguments and options to <paramref name="command"/>; <c>baseline</c> leaves out the report format, template and comparison.</summary>
    public Command AddTo(Command command, bool withFormat = true)
    {
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { format, output, asOf, failOn, include, exclude, timings, config, baseline, rules, plugin, template, compare })
        {
            if (withFormat || (option != format && option != template && option != compare)) command.Options.Add(option);
        }

        return command;
    }

    /// <summary>The request the parsed command line makes.</summary>
    public CheckCommand.CheckRequest ToRequest(ParseResult parseResult) => new(
        Paths: parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["."],
        Format: parseResult.GetValue(format) ?? ReportFormatNames.Text,
        Output: parseResult.GetValue(output),
        AsOf: parseResult.GetValue(asOf),
        FailOn: parseResult.GetValue(failOn),
        Include: parseResult.GetValue(include) ?? [],
        Exclude: parseResult.GetValue(exclude) ?? [],
        Timings: parseResult.GetValue(timings),
        Config: parseResult.GetValue(config),
        Baseline: parseResult.GetValue(baseline),
        Plugins: parseResult.GetValue(plugin) ?? [],
        Template: parseResult.GetValue(template),
        Compare: parseResult.GetValue(compare),
        RulePacks: parseResult.GetValue(rules) ?? []);

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"'{text}' is not a valid date for --as-of; expected YYYY-MM-DD, for example 2026-11-01.");
        return null;
    }
}
