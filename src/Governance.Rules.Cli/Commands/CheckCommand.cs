using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Commands;

/// <summary><c>govern check [paths...]</c>: analyses the governance files under the paths and reports the findings.</summary>
internal static class CheckCommand
{
    private const string FailOnNone = "none";

    private static readonly string[] FailOnLevels = ["error", "warning", "info", FailOnNone];

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
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
        var format = new Option<string>("--format", "-f")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => ReportFormatNames.Text,
        };
        format.AcceptOnlyFromAmong([.. ReportFormatNames.All]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output; the file is never read as an artifact.",
            HelpName = "FILE",
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The date the clock rules use (default: today).",
            HelpName = "YYYY-MM-DD",
            CustomParser = ParseDate,
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding at or above this severity is neither suppressed, exempted nor baselined.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong(FailOnLevels);
        var include = new Option<string[]>("--include")
        {
            Description = "Only analyse files matching this glob, relative to each path (repeatable).",
            HelpName = "GLOB",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Leave out files matching this glob, relative to each path (repeatable).",
            HelpName = "GLOB",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Print the time spent per stage and per rule to standard error.",
        };

        var command = new Command("check", "Analyse governance artifacts and report the findings.")
        {
            paths, format, output, asOf, failOn, include, exclude, timings,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new CheckRequest(
                Paths: parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["."],
                Format: parseResult.GetRequiredValue(format),
                Output: parseResult.GetValue(output),
                AsOf: parseResult.GetValue(asOf),
                FailOn: parseResult.GetRequiredValue(failOn),
                Include: parseResult.GetValue(include) ?? [],
                Exclude: parseResult.GetValue(exclude) ?? [],
                Timings: parseResult.GetValue(timings));
            return Task.FromResult(Run(request, environment, cancellationToken));
        });
        return command;
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"'{text}' is not a valid date for --as-of; expected YYYY-MM-DD, for example 2026-11-01.");
        return null;
    }

    private sealed record CheckRequest(
        IReadOnlyList<string> Paths,
        string Format,
        string? Output,
        DateOnly? AsOf,
        string FailOn,
        IReadOnlyList<string> Include,
        IReadOnlyList<string> Exclude,
        bool Timings);

    private static int Run(CheckRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        using var services = GovernServices.Create(environment);
        var formatters = services.GetServices<IReportFormatter>().ToList();
        var formatter = formatters.FirstOrDefault(f => string.Equals(f.Name, request.Format, StringComparison.Ordinal));
        if (formatter is null)
        {
            var available = string.Join(", ", formatters.Select(f => f.Name).Order(StringComparer.Ordinal));
            environment.Error.WriteLine($"govern check: --format {request.Format} is not available yet; available formats: {available}.");
            return ExitCodes.InvalidInvocation;
        }

        var outputPath = request.Output is null ? null : environment.FullPath(request.Output);
        var options = new AnalysisOptions
        {
            AsOf = request.AsOf,
            Load = new LoadOptions
            {
                Include = request.Include,
                Exclude = request.Exclude,
                ExcludedFiles = outputPath is null ? [] : [outputPath],
                WorkingDirectory = environment.WorkingDirectory,
            },
        };

        var engine = services.GetRequiredService<GovernanceEngine>();
        AnalysisResult result;
        try
        {
            result = engine.AnalyzePaths(request.Paths, options, cancellationToken);
        }
        catch (InputPathNotFoundException ex)
        {
            environment.Error.WriteLine($"govern check: path not found: {ex.FileName}");
            return ExitCodes.InvalidInvocation;
        }

        var context = new ReportContext { ToolVersion = CliVersion.Current };
        var reportTime = Stopwatch.StartNew();
        if (outputPath is not null)
        {
            try
            {
                WriteReportFile(formatter, result, context, outputPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"govern check: cannot write {request.Output}: {ex.Message}");
                return ExitCodes.InvalidInvocation;
            }

            environment.Error.WriteLine($"govern: wrote the {formatter.Name} report to {environment.DisplayPath(outputPath)}: {TextReportFormatter.FormatSummary(result)}");
        }
        else if (environment.Terminal is { } terminal && formatter is TextReportFormatter)
        {
            TerminalReport.Write(result, terminal);
        }
        else
        {
            formatter.Write(result, context, environment.Out);
            environment.Out.Flush();
        }

        if (request.Timings) TimingsReport.Write(result, reportTime.Elapsed, environment.Error);

        var threshold = request.FailOn == FailOnNone ? (Severity?)null : ParseSeverity(request.FailOn);
        return result.HasFindingsAtOrAbove(threshold) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    private static void WriteReportFile(IReportFormatter formatter, AnalysisResult result, ReportContext context, string outputPath)
    {
        if (Path.GetDirectoryName(outputPath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(outputPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        formatter.Write(result, context, writer);
    }

    private static Severity ParseSeverity(string name) =>
        SeverityNames.TryParse(name, out var severity)
            ? severity
            : throw new ArgumentOutOfRangeException(nameof(name), name, "--fail-on accepts only error, warning, info or none.");
}
