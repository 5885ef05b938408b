using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Commands;

/// <summary>
/// <c>govern trace [paths...] [--format text|json|markdown]</c>: per product, the chain objective → roadmap items →
/// backlog items and projects, with the gaps marked.
/// </summary>
internal static class TraceCommand
{
    private static readonly JsonSerializerOptions Json = new(ArtifactSerialization.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to trace (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        var format = new Option<string>("--format", "-f") { Description = "text, json or markdown.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var include = new Option<string[]>("--include") { Description = "Only files matching this glob (repeatable).", HelpName = "GLOB" };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out files matching this glob (repeatable).", HelpName = "GLOB" };
        var command = new Command("trace", "Show, per product, objectives → roadmap items → backlog items and projects, with the gaps marked.")
        {
            paths, format, output, include, exclude,
        };
        command.SetAction(parseResult =>
        {
            var outputPath = parseResult.GetValue(output) is { } file ? environment.FullPath(file) : null;
            using var services = GovernServices.Create(environment);
            var loader = services.GetRequiredService<ArtifactLoader>();
            LoadResult loaded;
            try
            {
                loaded = loader.LoadPaths(parseResult.GetValue(paths) ?? ["."], new LoadOptions
                {
                    Include = parseResult.GetValue(include) ?? [],
                    Exclude = parseResult.GetValue(exclude) ?? [],
                    ExcludedFiles = outputPath is null ? [] : [outputPath],
                    WorkingDirectory = environment.WorkingDirectory,
                });
            }
            catch (InputPathNotFoundException ex)
            {
                environment.Error.WriteLine($"govern: path not found: {ex.FileName}");
                return ExitCodes.InvalidInvocation;
            }

            var model = TraceBuilder.Build(loaded.Artifacts.Select(a => a.Artifact));
            using var writer = outputPath is null ? null : new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(false));
            var target = (TextWriter?)writer ?? environment.Out;
            switch (parseResult.GetValue(format))
            {
                case "json":
                    target.Write(JsonSerializer.Serialize(model, Json).ReplaceLineEndings("\n") + "\n");
                    break;
                case "markdown":
                    TraceMarkdownWriter.Write(model, target);
                    break;
                default:
                    TraceTextWriter.Write(model, target);
                    break;
            }

            target.Flush();
            var parseErrors = loaded.Findings.Count(f => f.Severity == Severity.Error && f.RuleId is "GOV001");
            if (parseErrors > 0) environment.Error.WriteLine($"govern: {parseErrors} file(s) could not be parsed; run 'govern check' for details.");
            return ExitCodes.Success;
        });
        return command;
    }
}
