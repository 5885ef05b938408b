using System.CommandLine;
using Governance.Rules.Engine;
using Governance.Rules.Rules;
using Governance.Rules.Text;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Governance.Rules.Cli.Commands;

/// <summary><c>govern rules [GOVnnn]</c>: lists the rule catalog, or prints one rule's page.</summary>
internal static class RulesCommand
{
    private static readonly string[] Headers = ["ID", "SEVERITY", "CATEGORY", "TITLE"];

    public static Command Create(CliEnvironment environment)
    {
        var ruleId = new Argument<string?>("rule-id")
        {
            Description = "A rule id such as GOV401: print that rule's page instead of the catalog.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var packs = new Option<string[]>("--rules")
        {
            Description = "Also list the rules of this declarative rule pack (repeatable).",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("rules", "List the rule catalog (id, severity, category, title), or print one rule's page.") { ruleId, packs };
        command.SetAction(parseResult => Run(parseResult.GetValue(ruleId), parseResult.GetValue(packs) ?? [], environment));
        return command;
    }

    private static int Run(string? ruleId, IReadOnlyList<string> packs, CliEnvironment environment)
    {
        if (GovernServices.TryCreate(environment, [], packs) is not { } services) return ExitCodes.InvalidInvocation;
        using var disposeServices = services;
        var catalog = services.GetRequiredService<GovernanceEngine>().Catalog;
        if (ruleId is null)
        {
            if (environment.Terminal is { } terminal) WriteTable(catalog, terminal);
            else WritePlain(catalog, environment.Out);
            return ExitCodes.Success;
        }

        var id = ruleId.Trim().ToUpperInvariant();
        var descriptor = catalog.FirstOrDefault(d => d.Id == id);
        if (descriptor is null)
        {
            var suggestion = Suggestions.Closest(ruleId.Trim(), catalog.Select(d => d.Id));
            environment.Error.WriteLine($"govern rules: unknown rule '{ruleId}'." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"));
            environment.Error.WriteLine("Run 'govern rules' to list the catalog.");
            return ExitCodes.InvalidInvocation;
        }

        var page = RuleDocumentation.TryGetPage(descriptor.Id, out var markdown) ? markdown : Summary(descriptor);
        environment.Out.Write(page.ReplaceLineEndings("\n"));
        if (!page.EndsWith('\n')) environment.Out.Write('\n');
        return ExitCodes.Success;
    }

    /// <summary>What is known of a rule without a page: its descriptor.</summary>
    private static string Summary(RuleDescriptor descriptor) =>
        $"""
        # {descriptor.Id}: {descriptor.Title}

        Severity: {descriptor.DefaultSeverity.ToName()}. Category: {descriptor.Category}.

        {descriptor.Description}
        {(descriptor.HelpUri is { } helpUri ? $"\nSee {helpUri}\n" : string.Empty)}
        """;

    private static void WritePlain(IReadOnlyList<RuleDescriptor> catalog, TextWriter writer)
    {
        var rows = catalog.Select(d => new[] { d.Id, d.DefaultSeverity.ToName(), d.Category, d.Title }).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Concat(widths.Select((width, c) => row[c].PadRight(width + 2))) + row[^1];
            writer.Write(line.TrimEnd());
            writer.Write('\n');
        }
    }

    private static void WriteTable(IReadOnlyList<RuleDescriptor> catalog, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in Headers) table.AddColumn(header);
        foreach (var rule in catalog)
        {
            table.AddRow(
                Markup.Escape(rule.Id),
                $"[{TerminalReport.ColorOf(rule.DefaultSeverity)}]{rule.DefaultSeverity.ToName()}[/]",
                Markup.Escape(rule.Category),
                Markup.Escape(rule.Title));
        }

        console.Write(table);
    }
}
