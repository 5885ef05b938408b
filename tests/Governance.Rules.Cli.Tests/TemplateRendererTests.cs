using System.Xml.Linq;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Tests;

/// <summary>The template renderer, its helpers and the report model on results built by hand.</summary>
[TestFixture]
[Category("reporting")]
public sealed class TemplateRendererTests
{
    private static readonly RuleDescriptor Gov401 = new(
        "GOV401", "Plan has no risk register", "{0}", RuleCategories.Plan, Severity.Error, "Every plan keeps a risk register.");

    private ServiceProvider services = null!;

    [SetUp]
    public void SetUp() => services = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();

    [TearDown]
    public void TearDown() => services.Dispose();

    private ITemplateRenderer Renderer => services.GetRequiredService<ITemplateRenderer>();

    private string Write(string format, AnalysisResult result)
    {
        using var writer = new StringWriter();
        services.GetServices<IReportFormatter>().Single(f => f.Name == format).Write(result, new ReportContext(), writer);
        return writer.ToString();
    }

    private static AnalysisResult ResultOf(IReadOnlyList<Finding> findings, IReadOnlyList<Artifact>? artifacts = null, params RuleDescriptor[] rules) => new()
    {
        Findings = findings,
        Rules = [.. EngineDiagnostics.All, .. rules.Length == 0 ? [Gov401] : rules],
        Today = new DateOnly(2026, 11, 1),
        FilesAnalyzed = 1,
        Artifacts = artifacts ?? [],
    };

    private static Finding OnPlan(string message) => new()
    {
        RuleId = "GOV401",
        Severity = Severity.Error,
        Message = message,
        ArtifactId = "plan-a",
        File = "plan.yaml",
        Pointer = "/spec",
        Line = 7,
        Column = 3,
    };

    [Test]
    public void A_template_is_compiled_once_and_reused()
    {
        var first = Renderer.Compile("{{asOf}}", TemplateFormat.Text, "t.hbs");
        var second = Renderer.Compile("{{asOf}}", TemplateFormat.Text, "t.hbs");

        second.Should().BeSameAs(first);
        first.Name.Should().Be("t.hbs");
        first.Format.Should().Be(TemplateFormat.Text);
    }

    [Test]
    public void Html_templates_escape_values_and_markdown_and_text_templates_do_not()
    {
        var model = ReportModel.Create(ResultOf([OnPlan("<b>&</b>")]));

        Render("{{findings.[0].message}}", TemplateFormat.Html, model).Should().Be("&lt;b&gt;&amp;&lt;/b&gt;");
        Render("{{findings.[0].message}}", TemplateFormat.Text, model).Should().Be("<b>&</b>");
        Render("{{findings.[0].message}}", TemplateFormat.Markdown, model).Should().Be("<b>&</b>");
        Render("{{md findings.[0].message}}", TemplateFormat.Markdown, model).Should().Be(@"\<b\>\&\</b\>");
    }

    private sealed record Greeting(string Name, IReadOnlyList<string> Tags);

    private static readonly TemplateModel<Greeting> GreetingModel = new("greeting model", "see Greeting", () => new Greeting("specimen", ["a"]));

    [Test]
    public void Any_model_renders_with_the_same_escaping_as_reports()
    {
        var model = new Greeting("<b>&</b>", ["x", "y"]);

        RenderGreeting("{{name}}", TemplateFormat.Html, model).Should().Be("&lt;b&gt;&amp;&lt;/b&gt;");
        RenderGreeting("{{name}}", TemplateFormat.Text, model).Should().Be("<b>&</b>");
        RenderGreeting("{{name}}", TemplateFormat.Markdown, model).Should().Be("<b>&</b>");
        RenderGreeting("{{md name}} {{count tags}}", TemplateFormat.Markdown, model).Should().Be(@"\<b\>\&\</b\> 2");
    }

    private string RenderGreeting(string source, TemplateFormat format, Greeting model)
    {
        using var writer = new StringWriter();
        Renderer.Compile(source, format, "greeting.hbs", GreetingModel).Render(model, writer);
        return writer.ToString();
    }

    [Test]
    public void A_template_of_any_model_is_cached_per_model_and_checked_against_its_specimen()
    {
        var first = Renderer.Compile("{{name}}", TemplateFormat.Text, "g.hbs", GreetingModel);
        var other = new TemplateModel<Greeting>("other model", "see nowhere", () => new Greeting("x", []));

        Renderer.Compile("{{name}}", TemplateFormat.Text, "g.hbs", GreetingModel).Should().BeSameAs(first);
        Renderer.Compile("{{name}}", TemplateFormat.Text, "g.hbs", other).Should().NotBeSameAs(first);
        Renderer.Compile("{{name}}", TemplateFormat.Markdown, "g.hbs", GreetingModel).Should().NotBeSameAs(first);
        Renderer.Compile("{{asOf}}", TemplateFormat.Text, "t.hbs", ReportSpecimen.Template)
            .Should().BeSameAs(Renderer.Compile("{{asOf}}", TemplateFormat.Text, "t.hbs"), "a report template is the same object whichever overload compiled it");

        var unknown = () => Renderer.Compile("{{#each tags}}{{lenght}}{{/each}}", TemplateFormat.Text, "g.hbs", GreetingModel);
        unknown.Should().Throw<ReportTemplateException>()
            .WithMessage("g.hbs: 'lenght' is not a field of the greeting model here, nor a helper (fields are camelCase, see Greeting; guard optional objects with {{#if ...}})");
        var missedByTheSpecimen = () => Renderer.Compile("{{#each tags}}{{lenght}}{{/each}}", TemplateFormat.Text, "g.hbs", other);
        missedByTheSpecimen.Should().NotThrow("the specimen of this model has no tags, so the check cannot reach the mistake");
    }

    [Test]
    public void The_built_in_trace_templates_compile_against_the_trace_specimen()
    {
        var writer = new Governance.Rules.Tracing.TraceWriter(Renderer);
        foreach (var format in new[] { "text", "markdown" })
        {
            using var output = new StringWriter();
            writer.Write(Governance.Rules.Tracing.TraceWriter.Model.Specimen, format, output);
            output.ToString().Should().Contain("Nothing delivers it").And.Contain("other", format);
        }
    }

    [TestCase("a\r\nb\nc ", 0, "a b c")]
    [TestCase("   ", 80, "")]
    [TestCase("12345678901", 10, "1234567...")]
    [TestCase("1234567890", 10, "1234567890")]
    public void The_oneLine_helper_joins_lines_trims_and_cuts(string text, int maxLength, string expected) =>
        TemplateHelpers.OneLine(text, maxLength).Should().Be(expected);

    [TestCase("ri-1", "`ri-1`")]
    [TestCase("a_b*c<d>&e\\f", "`a_b*c<d>&e\\f`")]
    [TestCase("x`y", "``x`y``")]
    [TestCase("`x``", "``` `x`` ```")]
    [TestCase("a\nb", "`a b`")]
    [TestCase("", "")]
    public void The_mdCode_helper_makes_a_literal_code_span(string text, string expected) =>
        TemplateHelpers.MarkdownCodeSpan(text).Should().Be(expected);

    [Test]
    public void The_trace_text_helpers_are_available_to_templates()
    {
        var model = new Greeting("InProgress", ["<a href=\"x\">1.</a> (b) - c"]);

        RenderGreeting("{{camelCase name}}|{{#each tags}}{{mdStrict this}}{{/each}}|{{oneLine name 5}}", TemplateFormat.Markdown, model)
            .Should().Be(@"inProgress|&lt;a href=""x""&gt;1\.&lt;/a&gt; \(b\) \- c|In...");
    }

    private string Render(string source, TemplateFormat format, ReportModel model)
    {
        using var writer = new StringWriter();
        Renderer.Compile(source, format, "test.hbs").Render(model, writer);
        return writer.ToString();
    }

    [TestCase("a | b", @"a \| b")]
    [TestCase("*bold* _em_ `code` [link](x) ~strike~", @"\*bold\* \_em\_ \`code\` \[link\](x) \~strike\~")]
    [TestCase("line one\nline two\r\nthree", "line one line two three")]
    [TestCase("# not a heading, costs $5 & 6", @"\# not a heading, costs \$5 \& 6")]
    [TestCase(@"back\slash", @"back\\slash")]
    public void The_md_helper_escapes_markdown(string text, string expected) =>
        TemplateHelpers.EscapeMarkdown(text).Should().Be(expected);

    [TestCase("https://example.org/rules/GOV1.md", "https://example.org/rules/GOV1.md")]
    [TestCase("http://example.org/x", "http://example.org/x")]
    [TestCase("javascript:alert(1)", "#")]
    [TestCase("data:text/html,x", "#")]
    [TestCase("rules/GOV1.md", "#")]
    public void The_safeUrl_helper_lets_only_http_and_https_through(string url, string expected) =>
        TemplateHelpers.SafeUrl(url).Should().Be(expected);

    [Test]
    public void The_chart_helpers_compute_with_the_invariant_culture()
    {
        var model = ReportModel.Create(ResultOf([]));

        Render("{{scale 1 3 520}} {{percent 1 3}} {{add 1.5 2}} {{mul 3 4}} {{max 1 7 3}} {{heatLevel 0}} {{heatLevel 3}} {{heatLevel 12}} {{plural 1 \"error\" \"errors\"}} {{count categories}}", TemplateFormat.Text, model)
            .Should().Be("173.3 33 3.5 12 7 0 2 4 1 error 2");
    }

    [Test]
    public void A_rule_help_link_that_is_not_http_is_not_linked_in_html()
    {
        var rule = Gov401 with { HelpUri = "javascript:alert(1)" };

        var html = Write("html", ResultOf([OnPlan("m")], null, rule));

        html.Should().NotContain("javascript:").And.Contain("href=\"#\"");
    }

    [Test]
    public void Junit_replaces_characters_xml_cannot_hold()
    {
        var xml = Write("junit", ResultOf([OnPlan("bell \u0007 and \uD800 lone surrogate, emoji \U0001F600 kept")]));

        var failure = XDocument.Parse(xml).Descendants("failure").Single();
        failure.Attribute("message")!.Value.Should().Be("bell \uFFFD and \uFFFD lone surrogate, emoji \U0001F600 kept");
    }

    [Test]
    public void The_model_matches_findings_to_artifacts_by_id_when_the_result_does_not_record_files()
    {
        var plan = new ProjectPlan { Kind = "ProjectPlan", Metadata = new ArtifactMetadata { Id = "plan-a", Title = "Plan A" }, Spec = new ProjectPlanSpec { ProjectId = "proj-a" } };
        var postMortem = new PostMortem { Kind = "PostMortem", Metadata = new ArtifactMetadata { Id = "pm-1" }, Spec = new PostMortemSpec { SubjectId = "INC-42" } };

        var model = ReportModel.Create(ResultOf([OnPlan("m")], [plan, postMortem]));

        var group = model.ByArtifact.Single(g => g.ArtifactId == "plan-a");
        (group.Kind, group.Title, group.File, group.ProjectId, group.Counts.Errors).Should().Be(("ProjectPlan", "Plan A", "plan.yaml", "proj-a", 1));
        model.ByArtifact.Single(g => g.ArtifactId == "pm-1").ProjectId.Should().BeNull("an incident key that names no project is no project");
        var project = model.ByProject.Single();
        (project.Id, project.Analyzed, project.Title, project.Health).Should().Be(("proj-a", false, null, "red"));
        model.Findings.Single().ProjectId.Should().Be("proj-a");
    }

    [Test]
    public void The_built_in_templates_render_an_empty_analysis()
    {
        var result = ResultOf([]);

        Write("markdown", result).Should().Contain("No findings.");
        var html = Write("html", result);
        html.Should().Contain("<p>No findings.</p>").And.Contain("No project in this analysis.");
    }
}
