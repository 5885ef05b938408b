using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Rules.Reporting;

namespace Governance.Rules.Cli.Commands;

/// <summary>
/// <c>govern diff OLD.json NEW.json</c>: compares two reports written by <c>govern check --format json</c> and lists the
/// new, fixed and persisting findings and the change of the portfolio health score. Exits 0 once the comparison is
/// written, 2 when a report cannot be read.
/// </summary>
internal static class DiffCommand
{
    private static readonly string[] Formats = [ReportFormatNames.Text, ReportFormatNames.Markdown, ReportFormatNames.Json];

    public static Command Create(CliEnvironment environment)
    {
        var previous = new Argument<string>("old") { Description = "The earlier json report (govern check --format json)." };
        var current = new Argument<string>("new") { Description = "The later json report." };
        var format = new Option<string>("--format", "-f") { Description = "The output format.", DefaultValueFactory = _ => ReportFormatNames.Text };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the comparison to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("diff", "Compare two json reports: new, fixed and persisting findings and the score change.")
        {
            previous, current, format, output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(previous)!, parseResult.GetValue(current)!, parseResult.GetValue(format) ?? ReportFormatNames.Text,
            parseResult.GetValue(output), environment));
        return command;
    }

    private static int Run(string previousFile, string currentFile, string format, string? output, CliEnvironment environment)
    {
        if (ReadReport(previousFile, "govern diff", environment) is not { } previous) return ExitCodes.InvalidInvocation;
        if (ReadReport(currentFile, "govern diff", environment) is not { } current) return ExitCodes.InvalidInvocation;
        var comparison = ReportComparer.Compare(previous, current, previousFile, currentFile);
        var text = format switch
        {
            ReportFormatNames.Json => JsonSerializer.Serialize(comparison, JsonReportFormatter.Options) + "\n",
            ReportFormatNames.Markdown => Markdown(comparison),
            _ => ReportComparer.FormatText(comparison),
        };
        if (output is null)
        {
            environment.Out.Write(text);
            environment.Out.Flush();
            return ExitCodes.Success;
        }

        var path = environment.FullPath(output);
        try
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"govern diff: cannot write {output}: {ex.Message}");
            return ExitCodes.InvalidInvocation;
        }

        environment.Error.WriteLine($"govern: wrote the comparison to {environment.DisplayPath(path)}: {ReportComparer.SummaryLine(comparison)}");
        return ExitCodes.Success;
    }

    /// <summary>Reads a json report; prints why and returns <see langword="null"/> when it cannot be used (exit 2).</summary>
    internal static ReportComparer.ReportSnapshot? ReadReport(string file, string command, CliEnvironment environment)
    {
        if (InputFiles.ReadText(file, "report", command, environment) is not { } json) return null;
        try
        {
            return ReportComparer.Read(json);
        }
        catch (InvalidDataException ex)
        {
            environment.Error.WriteLine($"{command}: {file} is {ex.Message}");
            return null;
        }
    }

    /// <summary>The comparison as GitHub-flavoured Markdown; artifact text escaped.</summary>
    internal static string Markdown(ReportComparison comparison)
    {
        var md = new StringBuilder();
        md.Append("## Governance comparison: ")
            .Append(Invariant($"{comparison.Counts.New} new, {comparison.Counts.Fixed} fixed, {comparison.Counts.Persisting} persisting"))
            .Append("\n\n")
            .Append("Health score: ").Append(TemplateHelpers.EscapeMarkdown(ReportComparer.ScoreText(comparison.Score)))
            .Append(" · compared with ").Append(TemplateHelpers.EscapeMarkdown(comparison.Previous ?? "the earlier report")).Append('\n');
        Section(md, "New findings", comparison.New);
        Section(md, "Fixed findings", comparison.Fixed);
        Section(md, "Persisting findings", comparison.Persisting);
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IReadOnlyList<ReportFinding> findings)
    {
        md.Append("\n### ").Append(title).Append("\n\n");
        if (findings.Count == 0)
        {
            md.Append("None.\n");
            return;
        }

        md.Append("| Severity | Rule | Artifact | Location | Message |\n|---|---|---|---|---|\n");
        foreach (var f in findings)
        {
            md.Append("| ").Append(f.Severity)
                .Append(" | ").Append(TemplateHelpers.EscapeMarkdown(f.RuleId))
                .Append(" | ").Append(TemplateHelpers.EscapeMarkdown(f.ArtifactId))
                .Append(" | ").Append(TemplateHelpers.EscapeMarkdown(f.Location))
                .Append(" | ").Append(TemplateHelpers.EscapeMarkdown(f.Message)).Append(" |\n");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
