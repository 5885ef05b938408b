using Governance.Rules.Engine;
using static Governance.Rules.Tests.RulePacks.PackHarness;

namespace Governance.Rules.Tests.RulePacks;

/// <summary>Each condition of a pack rule fires on what it should, and not on its near misses.</summary>
[TestFixture]
[Category("RulePacks")]
public sealed class PackConditionTests
{
    private static IReadOnlyList<Finding> Pack001(string rule, string documents, DateOnly? today = null) =>
        [.. Run(Pack(rule), documents, today).Where(f => f.RuleId == "PK001")];

    private static string StoryRule(string field, string conditions) => $"""
        id: PK001
        title: Test rule
        severity: warning
        appliesTo: Backlog
        selector: /spec/items/*
        field: {field}
        conditions: {conditions}
        message: "{"{id}"} {"{expected}"}"
        """;

    [Test]
    public void Required_fires_on_an_absent_or_blank_value_and_points_at_the_object_that_should_hold_it()
    {
        var findings = Pack001(StoryRule("assignee", "{ required: true }"), Backlog("""
            - { id: st-1, type: story, title: A, status: ready, assignee: p-ann }
            - { id: st-2, type: story, title: B, status: ready }
            - { id: st-3, type: story, title: C, status: ready, assignee: "  " }
            """));

        findings.Select(f => (f.Pointer, f.Line, f.Message)).Should().Equal(
            ("/spec/items/1", 9, "st-2 is required"),
            ("/spec/items/2", 10, "st-3 is required"));
        findings.Should().OnlyContain(f => f.Severity == Severity.Warning && f.ArtifactId == "backlog-a" && f.File == "test.yaml");
    }

    [Test]
    public void Required_and_nonEmpty_count_an_empty_list_as_absent()
    {
        var items = Backlog("""
            - { id: st-1, type: story, title: A, status: ready, acceptanceCriteria: [Works] }
            - { id: st-2, type: story, title: B, status: ready, acceptanceCriteria: [] }
            - { id: st-3, type: story, title: C, status: ready }
            """);

        Pack001(StoryRule("acceptanceCriteria", "{ nonEmpty: true }"), items).Select(f => (f.Pointer, f.Message))
            .Should().Equal(("/spec/items/1", "st-2 must not be empty"), ("/spec/items/2", "st-3 must not be empty"));
        Pack001(StoryRule("acceptanceCriteria", "{ required: true }"), items).Select(f => f.Message)
            .Should().Equal("st-2 is required", "st-3 is required");
    }

    [Test]
    public void NonEmpty_fires_on_an_object_without_content_that_required_accepts()
    {
        var items = Backlog("""
            - { id: st-1, type: story, title: A, status: ready, userStory: { asA: rider } }
            - { id: st-2, type: story, title: B, status: ready, userStory: { asA: "" } }
            """);

        Pack001(StoryRule("userStory", "{ nonEmpty: true }"), items).Select(f => f.Message).Should().Equal("st-2 must not be empty");
    }

    [Test]
    public void Pattern_checks_the_text_and_reports_at_the_value()
    {
        var findings = Pack001(StoryRule("id", "{ pattern: '^st-[a-z]+$' }"), Backlog("""
            - { id: st-good, type: story, title: A, status: ready }
            - { id: ST-Bad, type: story, title: B, status: ready }
            - { id: st-good-too-, type: story, title: C, status: ready }
            """));

        findings.Select(f => (f.Pointer, f.Line, f.Column, f.Message)).Should().Equal(
            ("/spec/items/1/id", 9, 13, "ST-Bad must match ^st-[a-z]+$"),
            ("/spec/items/2/id", 10, 13, "st-good-too- must match ^st-[a-z]+$"));
    }

    [Test]
    public void Pattern_on_an_enum_field_reads_its_documented_name()
    {
        var findings = Pack001(StoryRule("status", "{ pattern: '^(ready|done)$' }"), Backlog("""
            - { id: st-1, type: story, title: A, status: ready }
            - { id: st-2, type: story, title: B, status: inProgress }
            """));

        findings.Select(f => f.Message).Should().Equal("st-2 must match ^(ready|done)$");
    }

    [Test]
    public void Enum_compares_text_and_numbers()
    {
        var items = Backlog("""
            - { id: st-1, type: story, title: A, status: ready, estimate: 8, iteration: S1 }
            - { id: st-2, type: story, title: B, status: ready, estimate: 8.0, iteration: S9 }
            - { id: st-3, type: story, title: C, status: ready, estimate: 21 }
            """);

        Pack001(StoryRule("estimate", "{ enum: [1, 2, 3, 5, 8, 13] }"), items).Select(f => (f.Pointer, f.Message))
            .Should().Equal(("/spec/items/2/estimate", "st-3 must be one of 1, 2, 3, 5, 8, 13"));
        Pack001(StoryRule("iteration", "{ enum: [S1, S2] }"), items).Select(f => f.Message)
            .Should().Equal("st-2 must be one of S1, S2"); // an absent iteration is not judged by enum
    }

    [Test]
    public void Min_and_max_are_inclusive_bounds_of_a_number()
    {
        var findings = Pack001(StoryRule("priority", "{ min: 1, max: 5 }"), Backlog("""
            - { id: st-0, type: story, title: A, status: ready, priority: 0 }
            - { id: st-1, type: story, title: B, status: ready, priority: 1 }
            - { id: st-5, type: story, title: C, status: ready, priority: 5 }
            - { id: st-6, type: story, title: D, status: ready, priority: 6 }
            - { id: st-x, type: story, title: E, status: ready }
            """));

        findings.Select(f => f.Message).Should().Equal("st-0 must be at least 1", "st-6 must be at most 5");
    }

    [Test]
    public void Date_bounds_are_relative_to_the_analysis_date()
    {
        var rule = StoryRule("updatedOn", "{ notBefore: today-30, notAfter: today }");
        var items = Backlog("""
            - { id: st-old, type: story, title: A, status: ready, updatedOn: 2026-10-01 }
            - { id: st-edge, type: story, title: B, status: ready, updatedOn: 2026-10-02 }
            - { id: st-today, type: story, title: C, status: ready, updatedOn: 2026-11-01 }
            - { id: st-future, type: story, title: D, status: ready, updatedOn: 2026-11-02 }
            """);

        Pack001(rule, items, new DateOnly(2026, 11, 1)).Select(f => f.Message).Should().Equal(
            "st-old must be on or after 2026-10-02 (today - 30 days)",
            "st-future must be on or before 2026-11-01 (today)");
        Pack001(rule, items, new DateOnly(2026, 11, 2)).Select(f => f.Message).Should().Equal(
            "st-old must be on or after 2026-10-03 (today - 30 days)",
            "st-edge must be on or after 2026-10-03 (today - 30 days)");
    }

    [Test]
    public void A_fixed_date_bound_does_not_move_with_the_analysis_date()
    {
        var findings = Pack001(StoryRule("createdOn", "{ notBefore: 2026-01-01 }"), Backlog("""
            - { id: st-1, type: story, title: A, status: ready, createdOn: 2025-12-31 }
            - { id: st-2, type: story, title: B, status: ready, createdOn: 2026-01-01 }
            """), new DateOnly(2030, 1, 1));

        findings.Select(f => f.Message).Should().Equal("st-1 must be on or after 2026-01-01");
    }

    [Test]
    public void Reference_to_a_person_resolves_against_the_portfolio_people_when_there_is_a_portfolio()
    {
        var rule = StoryRule("assignee", "{ reference: Person }");
        var backlog = Backlog("""
            - { id: st-1, type: story, title: A, status: ready, assignee: p-ann }
            - { id: st-2, type: story, title: B, status: ready, assignee: p-nobody }
            """);
        const string portfolio = """
            apiVersion: governance/v1
            kind: Portfolio
            metadata: { id: portfolio }
            spec:
              name: Test
              people: [{ id: p-ann, name: Ann }]
            ---

            """;

        Pack001(rule, portfolio + backlog).Select(f => f.Message).Should().Equal("st-2 must be the id of a person in the Portfolio's people");
        Pack001(rule, backlog).Should().BeEmpty("without a Portfolio, person ids are free text (SPEC §A)");
    }

    [Test]
    public void Reference_to_a_kind_needs_an_artifact_of_that_kind()
    {
        const string product = """
            apiVersion: governance/v1
            kind: Product
            metadata: { id: prod-a }
            spec: { productManager: p-ann, lifecycleStage: development }
            ---

            """;
        var rule = """
            id: PK001
            title: Test rule
            severity: error
            appliesTo: Backlog
            selector: /spec/productId
            conditions: { reference: Product }
            message: "{value} {expected}"
            """;

        Pack001(rule, product + Backlog("- { id: st-1, type: story, title: A, status: ready }")).Should().BeEmpty();
        Pack001(rule, product + Backlog("- { id: st-1, type: story, title: A, status: ready }").Replace("productId: prod-a", "productId: backlog-a"))
            .Select(f => (f.Pointer, f.Message)).Should().Equal(("/spec/productId", "backlog-a must be the id of a Product"));
        Pack001(rule.Replace("reference: Product", "reference: any"), product + Backlog("- { id: st-1, type: story, title: A, status: ready }").Replace("productId: prod-a", "productId: backlog-a"))
            .Should().BeEmpty("backlog-a is the id of an artifact");
    }

    [Test]
    public void Only_the_first_failing_condition_is_reported_per_value()
    {
        var findings = Pack001(StoryRule("iteration", "{ required: true, pattern: '^S[0-9]+$', enum: [S1] }"), Backlog("""
            - { id: st-1, type: story, title: A, status: ready }
            - { id: st-2, type: story, title: B, status: ready, iteration: sprint-2 }
            - { id: st-3, type: story, title: C, status: ready, iteration: S1 }
            """));

        findings.Select(f => f.Message).Should().Equal("st-1 is required", "st-2 must be one of S1");
    }

    [Test]
    public void Where_narrows_the_selected_objects_to_allowed_values()
    {
        var rule = StoryRule("estimate", "{ required: true }").Replace("field: estimate", "field: estimate\nwhere: { type: [story, bug], status: inProgress }");
        var findings = Pack001(rule, Backlog("""
            - { id: st-1, type: story, title: A, status: inProgress }
            - { id: ep-1, type: epic, title: B, status: inProgress }
            - { id: st-2, type: story, title: C, status: ready }
            - { id: bug-1, type: bug, title: D, status: inProgress }
            """));

        findings.Select(f => f.Message).Should().Equal("st-1 is required", "bug-1 is required");
    }

    [Test]
    public void Wildcards_select_every_element_at_every_level_with_exact_pointers()
    {
        var rule = """
            id: PK001
            title: Test rule
            severity: info
            appliesTo: Backlog
            selector: /spec/items/*/acceptanceCriteria/*
            conditions: { pattern: '^Given ' }
            message: "{path}: {value}"
            """;
        var findings = Pack001(rule, Backlog("""
            - id: st-1
              type: story
              title: A
              status: ready
              acceptanceCriteria:
                - Given a rider, the app works
                - It works
            - { id: st-2, type: story, title: B, status: ready, acceptanceCriteria: [Given x, Also y] }
            """));

        findings.Select(f => (f.Pointer, f.Line, f.Column, f.Severity, f.Message)).Should().Equal(
            ("/spec/items/0/acceptanceCriteria/1", 14, 11, Severity.Info, "/spec/items/0/acceptanceCriteria/1: It works"),
            ("/spec/items/1/acceptanceCriteria/1", 15, 87, Severity.Info, "/spec/items/1/acceptanceCriteria/1: Also y"));
    }

    [Test]
    public void The_whole_artifact_is_selected_without_a_selector()
    {
        var rule = """
            id: PK001
            title: Owner needed
            severity: error
            appliesTo: Backlog
            field: metadata/owner
            conditions: { required: true }
            message: "{artifactId} has no owner ({kind}, {rule}, {field}, {id})"
            """;

        var findings = Pack001(rule, Backlog("- { id: st-1, type: story, title: A, status: ready }"));

        findings.Select(f => (f.Pointer, f.Line, f.Message)).Should().Equal(("/metadata", 4, "backlog-a has no owner (Backlog, PK001, owner, backlog-a)"));
    }

    [Test]
    public void Message_placeholders_render_fields_of_the_selected_object_and_literal_braces()
    {
        var rule = StoryRule("estimate", "{ max: 8 }").Replace(
            "message: \"{id} {expected}\"",
            "message: \"{{{object.title}}} as {object.userStory.asA}: {value} on {today} at {path}\"");

        var findings = Pack001(rule, Backlog("""
            - { id: st-1, type: story, title: Big one, status: ready, estimate: 13, userStory: { asA: rider } }
            """), new DateOnly(2026, 11, 1));

        findings.Select(f => f.Message).Should().Equal("{Big one} as rider: 13 on 2026-11-01 at /spec/items/0/estimate");
    }

    [Test]
    public void A_selector_through_an_absent_list_selects_nothing()
    {
        var findings = Pack001(StoryRule("acceptanceCriteria", "{ nonEmpty: true }").Replace("/spec/items/*", "/spec/items/*/acceptanceCriteria/*").Replace("field: acceptanceCriteria\n", string.Empty),
            Backlog("- { id: st-1, type: story, title: A, status: ready }"));

        findings.Should().BeEmpty();
    }
}
