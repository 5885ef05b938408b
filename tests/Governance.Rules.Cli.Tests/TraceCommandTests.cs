using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;
using Governance.Rules.Reporting;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("Trace")]
public sealed class TraceCommandTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create(focusOnGov401: false)
        .Write("strategy.yaml", "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata: {id: s}\nspec: {productId: app, objectives: [{id: o1, statement: Grow}, {id: o2, statement: Keep}]}\n")
        .Write("roadmap.yaml", "apiVersion: governance/v1\nkind: Roadmap\nmetadata: {id: r}\nspec: {productId: app, items: [{id: ri-1, title: One, objectiveIds: [o1], status: inProgress}]}\n")
        .Write("backlog.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"Backlog\", \"metadata\": {\"id\": \"b\"}, \"spec\": {\"productId\": \"app\", \"items\": [{\"id\": \"st-1\", \"type\": \"story\", \"roadmapItemId\": \"ri-1\"}]}}");

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task Text_shows_the_chain_and_the_gaps()
    {
        var run = await workspace.RunAsync("trace", ".");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            "Product app",
            "  Objective o1 (Grow)",
            "    Roadmap item ri-1 (One) [inProgress]",
            "      Backlog: st-1",
            "  Objective o2 (Keep)  GAP: no roadmap item serves it",
            "1 product(s), 1 gap(s)");
    }

    [Test]
    public async Task Json_is_structured_and_markdown_is_available()
    {
        var json = await workspace.RunAsync("trace", ".", "--format", "json");
        using var document = JsonDocument.Parse(json.StdOut);
        var objectives = document.RootElement.GetProperty("products")[0].GetProperty("objectives");
        objectives[1].GetProperty("isGap").GetBoolean().Should().BeTrue();
        objectives[0].GetProperty("roadmapItems")[0].GetProperty("backlogItems")[0].GetProperty("id").GetString().Should().Be("st-1");

        var markdown = await workspace.RunAsync("trace", ".", "--format", "markdown");
        markdown.StdOut.Should().StartWith("# Traceability").And.Contain("**gap: no roadmap item serves it**");
        (await workspace.RunAsync("trace", ".", "--format", "html")).ExitCode.Should().Be(2);
    }

    [Test]
    public async Task A_custom_text_template_renders_the_trace_model()
    {
        workspace.Write("templates/gaps.hbs", "{{#each products}}{{productId}}: {{plural (count objectives) \"objective\" \"objectives\"}}{{#each objectives}}{{#if isGap}}, gap {{id}} ({{oneLine statement}}){{/if}}{{/each}}\n{{/each}}{{gapCount}} gap(s)\n");

        var run = await workspace.RunAsync("trace", ".", "--template", "templates/gaps.hbs");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal("app: 2 objectives, gap o2 (Keep)", "1 gap(s)");
    }

    [Test]
    public async Task A_custom_markdown_template_escapes_only_through_helpers_and_can_be_written_to_a_file()
    {
        workspace.Write("strategy.yaml", "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata: {id: s}\nspec: {productId: app, objectives: [{id: o1, statement: \"<b>Grow</b> | *fast*\"}]}\n")
            .Write("t.hbs", "{{#each products}}{{#each objectives}}| {{statement}} | {{md statement}} | {{mdStrict statement}} |\n{{/each}}{{/each}}");

        var run = await workspace.RunAsync("trace", ".", "--format", "markdown", "--template", "t.hbs", "--output", "out/trace.md", "--exclude", "out/**");

        run.ExitCode.Should().Be(0, run.ToString());
        run.StdOut.Should().BeEmpty();
        workspace.Read("out/trace.md").Should().Be(@"| <b>Grow</b> | *fast* | \<b\>Grow\</b\> \| \*fast\* | &lt;b&gt;Grow&lt;/b&gt; \| \*fast\* |" + "\n");
    }

    [Test]
    public async Task A_copy_of_a_built_in_template_renders_exactly_as_the_built_in_view()
    {
        foreach (var (format, file) in new[] { ("text", BuiltInTemplates.TraceText), ("markdown", BuiltInTemplates.TraceMarkdown) })
        {
            workspace.Write(file, BuiltInTemplates.Source(file));

            var builtIn = await workspace.RunAsync("trace", ".", "--format", format);
            var copy = await workspace.RunAsync("trace", ".", "--format", format, "--template", file);

            copy.ExitCode.Should().Be(0, copy.ToString());
            copy.StdOut.Should().NotBeEmpty().And.Be(builtIn.StdOut, format);
        }
    }

    [Test]
    public async Task A_template_with_the_json_format_is_exit_2()
    {
        workspace.Write("t.hbs", "{{gapCount}}");

        var run = await workspace.RunAsync("trace", ".", "--format", "json", "--template", "t.hbs");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("govern trace: --template applies only to --format text or --format markdown, not --format json");
        run.StdOut.Should().BeEmpty();
    }

    [TestCase("{{#each products}}{{productId}}", "#each")]
    [TestCase("{{gapCont}}", "'gapCont' is not a field of the trace model here, nor a helper (fields are camelCase, as in 'govern trace --format json'")]
    [TestCase("{{#each products}}{{#each orphanBacklogItems}}{{titel}}{{/each}}{{/each}}", "'titel'")]
    [TestCase("{{#each products}}{{#each unlinkedRoadmapItems}}{{#each projects}}{{stauts}}{{/each}}{{/each}}{{/each}}", "'stauts'")]
    [TestCase("{{nosuchhelper gapCount}}", "nosuchhelper")]
    [TestCase("{{gapCount}}\n{{#if products}", "at line 2, column")]
    public async Task A_template_that_does_not_compile_or_names_an_unknown_field_is_exit_2_with_the_file_and_reason(string template, string reason)
    {
        workspace.Write("templates/broken.hbs", template);

        var run = await workspace.RunAsync("trace", ".", "--format", "markdown", "--template", "templates/broken.hbs", "--output", "trace.md");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().StartWith("govern trace: template ").And.Contain("broken.hbs: ").And.Contain(reason);
        run.StdOut.Should().BeEmpty();
        File.Exists(workspace.PathOf("trace.md")).Should().BeFalse("nothing is written when the template is unusable");
    }

    [Test]
    public async Task A_template_file_that_does_not_exist_is_exit_2()
    {
        var run = await workspace.RunAsync("trace", ".", "--template", "nope.hbs");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("govern trace: template file not found: nope.hbs");
    }
}
