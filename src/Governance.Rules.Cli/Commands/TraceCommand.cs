using System.CommandLine;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Governance.Rules.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Commands;

/// <summary>
/// <c>govern trace [paths...] [--format text|json|markdown] [--template FILE]</c>: per product, the chain objective →
/// roadmap items → backlog items and projects, with the gaps marked. Text and markdown come from templates
/// (<see cref="TraceWriter"/>); <c>--template</c> replaces the built-in one.
/// </summary>
internal static class TraceCommand
{
    private const string Name = "govern trace";

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to trace (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        var format = new Option<string>("--format", "-f") { Description = "text, json or markdown.", DefaultValueFactory = _ => ReportFormatNames.Text };
        format.AcceptOnlyFromAmong([.. TraceWriter.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var include = new Option<string[]>("--include") { Description = "Only files matching this glob (repeatable).", HelpName = "GLOB" };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out files matching this glob (repeatable).", HelpName = "GLOB" };
        var template = new Option<string?>("--template")
        {
            Description = "Render the text or markdown view with this Handlebars template instead of the built-in one (fields: those of --format json).",
            HelpName = "FILE",
        };
        var command = new Command("trace", "Show, per product, objectives → roadmap items → backlog items and projects, with the gaps marked.")
        {
            paths, format, output, include, exclude, template,
        };
        command.SetAction(parseResult =>
        {
            var formatName = parseResult.GetValue(format) ?? ReportFormatNames.Text;
            var outputPath = parseResult.GetValue(output) is { } file ? environment.FullPath(file) : null;
            using var services = GovernServices.Create(environment);
            var writer = new TraceWriter(services.GetRequiredService<ITemplateRenderer>());

            // A custom template is checked before the artifacts are read: a broken one is an invalid invocation.
            ITemplate<TraceModel>? custom = null;
            if (parseResult.GetValue(template) is { } templateFile)
            {
                custom = LoadTemplate(templateFile, formatName, writer, environment);
                if (custom is null) return ExitCodes.InvalidInvocation;
            }

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
            using var rendered = new StringWriter { NewLine = "\n" };
            try
            {
                if (custom is not null) custom.Render(model, rendered);
                else writer.Write(model, formatName, rendered);
            }
            catch (ReportTemplateException ex)
            {
                environment.Error.WriteLine($"{Name}: template {ex.Message}");
                return ExitCodes.InvalidInvocation;
            }

            if (outputPath is null)
            {
                environment.Out.Write(rendered.ToString());
                environment.Out.Flush();
            }
            else
            {
                try
                {
                    if (Path.GetDirectoryName(outputPath) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
                    File.WriteAllText(outputPath, rendered.ToString(), new System.Text.UTF8Encoding(false));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    environment.Error.WriteLine($"{Name}: cannot write {parseResult.GetValue(output)}: {ex.Message}");
                    return ExitCodes.InvalidInvocation;
                }
            }

            var parseErrors = loaded.Findings.Count(f => f.Severity == Severity.Error && f.RuleId is "GOV001");
            if (parseErrors > 0) environment.Error.WriteLine($"govern: {parseErrors} file(s) could not be parsed; run 'govern check' for details.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads and compiles the <c>--template</c> file for the text or markdown view; <see langword="null"/> (reason printed) when it cannot be used.</summary>
    private static ITemplate<TraceModel>? LoadTemplate(string templateFile, string format, TraceWriter writer, CliEnvironment environment)
    {
        if (TraceWriter.TemplateFormatOf(format) is not { } templateFormat)
        {
            environment.Error.WriteLine($"{Name}: --template applies only to --format text or --format markdown, not --format {format}.");
            return null;
        }

        return InputFiles.LoadTemplate(templateFile, Name, environment, (source, name) => writer.Compile(source, templateFormat, name));
    }
}
