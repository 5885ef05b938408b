using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests;

/// <summary>
/// Checks every rule and engine diagnostic by reflection: ids, categories, help links, options, the page in
/// <c>rules/</c>, the catalog tables in <c>rules/README.md</c> and <c>README.md</c>, and that every rule survives
/// empty input.
/// </summary>
[TestFixture]
[Category("Catalog")]
public sealed partial class CatalogTests
{
    private const string BeginMarker = "<!-- rules:begin -->";
    private const string EndMarker = "<!-- rules:end -->";
    private const string TableHeader = "| Id | Severity | Category | Title |";

    private static readonly string[] RequiredSections =
        ["## Cause", "## Rule description", "## How to fix", "## When to suppress", "## Configuration", "## Examples"];

    private static readonly Lazy<string> LazyRepositoryRoot = new(FindRepositoryRoot);

    private static string RepositoryRoot => LazyRepositoryRoot.Value;

    private static string RulesFolder => Path.Combine(RepositoryRoot, "rules");

    /// <summary>The engine diagnostics and every built-in rule, ordered by id.</summary>
    private static IReadOnlyList<RuleDescriptor> Catalog =>
        [.. EngineDiagnostics.All.Concat(BuiltInRules.Create().Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];

    public static IEnumerable<TestCaseData> Rules() =>
        BuiltInRules.Create().Select(r => new TestCaseData(r).SetArgDisplayNames(r.Descriptor.Id));

    public static IEnumerable<TestCaseData> Descriptors() =>
        Catalog.Select(d => new TestCaseData(d).SetArgDisplayNames(d.Id));

    [Test]
    public void Every_rule_class_in_the_assembly_is_in_the_catalog()
    {
        var ruleClasses = typeof(BuiltInRules).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(GovernanceRule).IsAssignableFrom(t))
            .Where(t => t != typeof(Governance.Rules.RulePacks.PackRule)); // compiled from rule packs, never built in

        BuiltInRules.Types.Should().BeEquivalentTo(ruleClasses,
            "BuiltInRules.Types must list every rule class (a new rule is added there), and a rule that is not sealed or has no parameterless constructor would silently not run");
        BuiltInRules.Types.Select(t => t.Name).Should().BeInAscendingOrder(StringComparer.Ordinal, "the catalog is ordered by id");
        BuiltInRules.Create().Select(r => r.GetType()).Should().Equal(BuiltInRules.Types);
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_classes_are_internal_and_sealed(GovernanceRule rule)
    {
        var type = rule.GetType();

        type.IsSealed.Should().BeTrue();
        (type.IsPublic || type.IsNestedPublic).Should().BeFalse("rules are internal; their descriptors and options are the public surface");
    }

    [Test]
    public void Ids_are_well_formed_and_unique_across_rules_and_engine_diagnostics()
    {
        var ids = Catalog.Select(d => d.Id).ToList();

        ids.Should().OnlyContain(id => IdPattern().IsMatch(id));
        ids.Should().OnlyHaveUniqueItems();
        BuiltInRules.Catalog.Select(d => d.Id).Should().Equal(ids);
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Category_matches_the_id_range(RuleDescriptor descriptor) =>
        descriptor.Category.Should().Be(RuleCategories.ForId(descriptor.Id));

    [TestCaseSource(nameof(Descriptors))]
    public void Help_link_is_the_rule_page(RuleDescriptor descriptor) =>
        descriptor.HelpUri.Should().Be(RuleDescriptor.HelpBaseUri + descriptor.Id + ".md");

    [TestCaseSource(nameof(Descriptors))]
    public void Descriptor_texts_are_filled_in(RuleDescriptor descriptor)
    {
        descriptor.Title.Should().NotBeNullOrWhiteSpace().And.NotEndWith(".").And.NotContain("|");
        descriptor.MessageFormat.Should().NotBeNullOrWhiteSpace();
        descriptor.Description.Should().NotBeNullOrWhiteSpace();
    }

    [TestCaseSource(nameof(Descriptors))]
    public void A_milder_severity_is_milder_than_the_default(RuleDescriptor descriptor)
    {
        if (descriptor.MilderSeverity is { } milder) ((int)milder).Should().BeLessThan((int)descriptor.DefaultSeverity);
    }

    [TestCaseSource(nameof(Rules))]
    public void Options_have_defaults_and_bind_from_camelCase_json(GovernanceRule rule)
    {
        var optionsType = rule.OptionsType;
        optionsType.GetConstructor(Type.EmptyTypes).Should().NotBeNull("options are created with their defaults when the configuration says nothing");
        var defaults = Activator.CreateInstance(optionsType)!;

        var json = JsonSerializer.Serialize(defaults, optionsType, ArtifactSerialization.Options);
        var bound = JsonSerializer.Deserialize(json, optionsType, ArtifactSerialization.Options);

        if (OptionProperties(optionsType).Any())
            bound.Should().BeEquivalentTo(defaults, "written in camelCase, the defaults bind back to themselves");
        else
            bound.Should().BeOfType(optionsType, "a rule without options (NoOptions) binds an empty object");
        foreach (var property in OptionProperties(optionsType))
            json.Should().Contain($"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\"");
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Each_has_a_page_with_the_exact_title_and_the_metadata_table(RuleDescriptor descriptor)
    {
        var page = ReadPage(descriptor.Id);
        var lines = page.Lines;

        lines[0].Should().Be($"# {descriptor.Id}: {descriptor.Title}", "the first heading is the id and the descriptor's title");
        var preamble = lines.TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        preamble.Should().Contain(
        [
            "| Property | Value |",
            $"| Id | {descriptor.Id} |",
            $"| Category | {descriptor.Category} |",
            $"| Default severity | {SeverityText(descriptor)} |",
            $"| Uses clock | {(descriptor.UsesClock ? "yes" : "no")} |",
        ]);
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Each_page_has_the_required_sections_in_order(RuleDescriptor descriptor)
    {
        var headings = ReadPage(descriptor.Id).Sections.Select(s => s.Heading).ToList();

        headings.Should().Equal(RequiredSections, "every page follows the template in rules/README.md");
        foreach (var section in ReadPage(descriptor.Id).Sections)
            section.Body.Should().NotBeNullOrWhiteSpace($"section '{section.Heading}' of {descriptor.Id}.md is empty");
    }

    [TestCaseSource(nameof(Rules))]
    public void Every_option_is_documented_under_configuration(GovernanceRule rule)
    {
        var configuration = Flatten(ReadPage(rule.Descriptor.Id).Section("## Configuration"));
        var options = OptionProperties(rule.OptionsType).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();

        if (options.Count == 0) configuration.Should().Contain("This rule has no options.");
        foreach (var option in options) configuration.Should().Contain($"`{option}`", $"option {option} of {rule.Descriptor.Id} is documented");
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Engine_diagnostic_pages_say_how_their_severity_can_be_configured(RuleDescriptor descriptor)
    {
        if (descriptor.Category != RuleCategories.Engine) return;
        var configuration = Flatten(ReadPage(descriptor.Id).Section("## Configuration"));

        configuration.Should().Contain("This rule has no options.")
            .And.Contain("`error`, `warning` or `info`")
            .And.Contain("`none`")
            .And.Contain("cannot be suppressed or exempted");
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Page_examples_produce_the_findings_shown(RuleDescriptor descriptor)
    {
        var blocks = FencedBlocks(ReadPage(descriptor.Id).Section("## Examples"));
        var firing = 0;
        var quiet = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var (language, body) = blocks[i];
            if (language is not ("yaml" or "json")) continue;
            var expected = i + 1 < blocks.Count && blocks[i + 1].Language == "text" ? blocks[i + 1].Body : null;
            if (expected is null)
            {
                quiet++;
                var findings = RuleHarness.Analyze(body, "example." + language).Findings.Where(f => f.RuleId == descriptor.Id);
                findings.Select(TextLine).Should().BeEmpty($"the example {quiet} of {descriptor.Id}.md that is not followed by findings must not fire");
                continue;
            }

            firing++;
            var expectedLines = expected.Split('\n');
            var file = expectedLines[0][..expectedLines[0].IndexOf(':', StringComparison.Ordinal)];
            var extraRules = descriptor.Id == EngineDiagnostics.RuleFailed.Id ? [new PluginRuleThatDereferencesTheBudget()] : Array.Empty<GovernanceRule>();
            var actual = RuleHarness.Analyze(body, file, extraRules: extraRules).Findings.Where(f => f.RuleId == descriptor.Id).Select(TextLine).ToList();
            actual.Should().Equal(expectedLines, $"the findings shown in {descriptor.Id}.md are what the engine reports for that example");
        }

        firing.Should().BePositive($"{descriptor.Id}.md shows a document that fires, followed by its findings in a ```text block");
        quiet.Should().BePositive($"{descriptor.Id}.md shows a document that does not fire");
    }

    [Test]
    public void Every_page_belongs_to_a_known_rule()
    {
        var ids = Catalog.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(RulesFolder, "GOV*.md").Select(Path.GetFileNameWithoutExtension).ToList();

        pages.Should().OnlyContain(page => ids.Contains(page!), "a page without a rule is an orphan (a rule is deprecated, never deleted)");
    }

    [Test]
    public void Rules_readme_lists_exactly_the_catalog()
    {
        var path = Path.Combine(RulesFolder, "README.md");
        File.Exists(path).Should().BeTrue("rules/README.md is the catalog index");

        AssertCatalogTable(path, id => $"{id}.md");
    }

    [Test]
    public void Readme_lists_exactly_the_catalog()
    {
        var path = Path.Combine(RepositoryRoot, "README.md");
        File.Exists(path).Should().BeTrue("the README lists the rule catalog");
        AssertCatalogTable(path, id => $"rules/{id}.md");
    }

    [TestCaseSource(nameof(Rules))]
    public void Each_rule_runs_on_an_empty_portfolio(GovernanceRule rule)
    {
        var result = Engine(rule).Analyze(Array.Empty<Artifact>(), new AnalysisOptions { AsOf = RuleHarness.DefaultToday });

        result.Findings.Where(f => f.RuleId == EngineDiagnostics.RuleFailed.Id).Select(f => f.Message).Should().BeEmpty();
    }

    [TestCaseSource(nameof(Rules))]
    public void Each_rule_runs_on_an_empty_document_of_each_kind(GovernanceRule rule)
    {
        var yaml = new StringBuilder();
        foreach (var kind in ArtifactKinds.Names)
        {
            yaml.Append("---\napiVersion: governance/v1\nkind: ").Append(kind).Append("\nmetadata:\n  id: empty-").Append(kind).Append('\n');
            yaml.Append("---\napiVersion: governance/v1\nkind: ").Append(kind).Append("\nmetadata:\n  id: blank-").Append(kind).Append("\nspec: {}\n");
        }

        var loaded = new ArtifactLoader().LoadContent("empty.yaml", Encoding.UTF8.GetBytes(yaml.ToString()));
        var result = Engine(rule).Analyze(loaded, new AnalysisOptions { AsOf = RuleHarness.DefaultToday });

        loaded.Artifacts.Should().HaveCount(2 * ArtifactKinds.Names.Count);
        result.Findings.Where(f => f.RuleId == EngineDiagnostics.RuleFailed.Id).Select(f => f.Message).Should().BeEmpty();
    }

    [TestCaseSource(nameof(Rules))]
    public void Each_rule_runs_on_default_records_of_each_kind(GovernanceRule rule)
    {
        var artifacts = ArtifactKinds.Names.Select(name =>
        {
            ArtifactKinds.TryGet(name, out _, out var type);
            return (Artifact)Activator.CreateInstance(type)!;
        }).ToList();

        var result = Engine(rule).Analyze(artifacts, new AnalysisOptions { AsOf = RuleHarness.DefaultToday });

        result.Findings.Where(f => f.RuleId == EngineDiagnostics.RuleFailed.Id).Select(f => f.Message).Should().BeEmpty();
    }

    /// <summary>A catalog row: <c>| [GOV401](rules/GOV401.md) | error | plan | Plan has no risk register |</c>.</summary>
    internal static string Row(RuleDescriptor descriptor, Func<string, string> link) =>
        $"| [{descriptor.Id}]({link(descriptor.Id)}) | {SeverityText(descriptor)} | {descriptor.Category} | {descriptor.Title} |";

    /// <summary><c>error</c>, or <c>error/warning</c> for a rule with a milder severity.</summary>
    internal static string SeverityText(RuleDescriptor descriptor) =>
        descriptor.MilderSeverity is { } milder
            ? $"{descriptor.DefaultSeverity.ToName()}/{milder.ToName()}"
            : descriptor.DefaultSeverity.ToName();

    private static void AssertCatalogTable(string path, Func<string, string> link)
    {
        var lines = File.ReadAllLines(path).Select(l => l.TrimEnd()).ToList();
        var begin = lines.IndexOf(BeginMarker);
        var end = lines.IndexOf(EndMarker);
        var expectedRows = Catalog.Select(d => Row(d, link)).ToList();
        var expectedBlock = string.Join(Environment.NewLine, [BeginMarker, TableHeader, "|---|---|---|---|", .. expectedRows, EndMarker]);
        var because = $"{Path.GetFileName(path)} must hold, between the markers, exactly (run the tests with GOVERN_UPDATE_DOCS=1 to rewrite it):{Environment.NewLine}{expectedBlock}{Environment.NewLine}";
        if (Environment.GetEnvironmentVariable("GOVERN_UPDATE_DOCS") == "1" && begin >= 0 && end > begin)
        {
            // The generator mode: the catalog is the source of truth, the tables are derived from it.
            lines = [.. lines.Take(begin), .. expectedBlock.Split(Environment.NewLine), .. lines.Skip(end + 1)];
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            begin = lines.IndexOf(BeginMarker);
            end = lines.IndexOf(EndMarker);
        }

        begin.Should().BeGreaterThanOrEqualTo(0, because);
        end.Should().BeGreaterThan(begin, because);
        var table = lines.Skip(begin + 1).Take(end - begin - 1).Where(l => l.Length > 0).ToList();
        table.Should().HaveCountGreaterThanOrEqualTo(2, because);
        table[0].Should().Be(TableHeader, because);
        table[1].Should().MatchRegex(SeparatorPattern().ToString(), because);
        table.Skip(2).Should().Equal(expectedRows, because);
    }

    /// <summary>Markdown text with every run of whitespace (line breaks too) as one space.</summary>
    private static string Flatten(string markdown) => Whitespace().Replace(markdown, " ");

    private static GovernanceEngine Engine(GovernanceRule rule) => new([rule], new ArtifactLoader(), TimeProvider.System);

    private static IEnumerable<PropertyInfo> OptionProperties(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead);

    private static string TextLine(Finding finding) =>
        $"{finding.File}:{finding.Line}:{finding.Column}: {finding.Severity.ToName()} {finding.RuleId}: {finding.Message}" +
        (finding.ArtifactId is null ? string.Empty : $" [{finding.ArtifactId}]");

    private static Page ReadPage(string id)
    {
        var path = Path.Combine(RulesFolder, id + ".md");
        File.Exists(path).Should().BeTrue($"every rule and engine diagnostic has a page rules/{id}.md");
        return new Page(File.ReadAllLines(path).Select(l => l.TrimEnd()).ToList());
    }

    /// <summary>The fenced code blocks of <paramref name="markdown"/>, with their language and body.</summary>
    private static List<(string Language, string Body)> FencedBlocks(string markdown)
    {
        var blocks = new List<(string, string)>();
        string? language = null;
        var body = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (language is null)
                {
                    language = line.TrimStart('`').Trim();
                    body.Clear();
                }
                else
                {
                    blocks.Add((language, string.Join('\n', body)));
                    language = null;
                }
            }
            else if (language is not null)
            {
                body.Add(line);
            }
        }

        return blocks;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Governance.Rules.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No folder above {TestContext.CurrentContext.TestDirectory} holds Governance.Rules.sln.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^GOV\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\|(\s*:?-{3,}:?\s*\|){4}$")]
    private static partial Regex SeparatorPattern();

    /// <summary>A rule page split into its <c>## </c> sections, ignoring headings inside code fences.</summary>
    private sealed class Page(List<string> lines)
    {
        public List<string> Lines { get; } = lines;

        public List<(string Heading, string Body)> Sections { get; } = Split(lines);

        public string Section(string heading)
        {
            var found = Sections.Where(s => s.Heading == heading).ToList();
            found.Should().ContainSingle($"the page has one '{heading}' section");
            return found[0].Body;
        }

        private static List<(string, string)> Split(List<string> lines)
        {
            var sections = new List<(string, string)>();
            string? heading = null;
            var body = new List<string>();
            var inFence = false;
            foreach (var line in lines)
            {
                if (line.StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
                if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    if (heading is not null) sections.Add((heading, string.Join('\n', body)));
                    heading = line;
                    body.Clear();
                }
                else if (heading is not null)
                {
                    body.Add(line);
                }
            }

            if (heading is not null) sections.Add((heading, string.Join('\n', body)));
            return sections;
        }
    }

    /// <summary>The plug-in rule of GOV009's page example: it dereferences a plan's budget without checking it.</summary>
    private sealed class PluginRuleThatDereferencesTheBudget : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new("GOV950", "Plan budget check (example plug-in)", "{0}", RuleCategories.Portfolio, Severity.Warning, "The GOV009 page's example plug-in rule.");

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<Governance.Rules.Model.ProjectPlan>(c =>
            {
                if (c.Artifact.Spec.Budget!.Approved is null) c.Report(c.Artifact, "no approved budget");
            });
    }
}
