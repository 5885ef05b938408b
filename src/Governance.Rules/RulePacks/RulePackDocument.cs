namespace Governance.Rules.RulePacks;

/// <summary>
/// A declarative rule pack as written in YAML or JSON (<c>kind: RulePack</c>): the shape its JSON Schema is generated
/// from and the loader reads. What each field means is documented in <c>rules/packs/README.md</c>.
/// </summary>
internal sealed record RulePackDocument
{
    /// <summary>The API version; <c>governance/v1</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The kind; always <c>RulePack</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>The pack's name and defaults.</summary>
    public RulePackMetadata? Metadata { get; init; }

    /// <summary>The rules of the pack.</summary>
    public IReadOnlyList<RulePackRuleDocument>? Rules { get; init; }
}

/// <summary>The <c>metadata</c> of a rule pack.</summary>
internal sealed record RulePackMetadata
{
    /// <summary>The pack's id, for people (e.g. <c>kestrel-conventions</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The pack's title.</summary>
    public string? Title { get; init; }

    /// <summary>The help link of every rule of the pack that has none of its own.</summary>
    public string? HelpUri { get; init; }

    /// <summary>The category of every rule of the pack that has none of its own; default <c>custom</c>.</summary>
    public string? Category { get; init; }
}

/// <summary>One declarative rule.</summary>
internal sealed record RulePackRuleDocument
{
    /// <summary>The rule id: 2–10 capital letters and 3–4 digits (<c>KES001</c>); <c>GOV</c> ids are the built-in catalog's.</summary>
    public string? Id { get; init; }

    /// <summary>Short title, as in the catalog.</summary>
    public string? Title { get; init; }

    /// <summary>Default severity; the configuration may change it like any rule's.</summary>
    public PackSeverity? Severity { get; init; }

    /// <summary>The finding's message, with placeholders such as <c>{value}</c>, <c>{id}</c> and <c>{expected}</c>.</summary>
    public string? Message { get; init; }

    /// <summary>The artifact kind the rule checks (SPEC §G.1), e.g. <c>Backlog</c>.</summary>
    public string? AppliesTo { get; init; }

    /// <summary>The objects checked: a JSON pointer into the artifact with <c>*</c> for every element of a list (<c>/spec/items/*</c>); default the artifact.</summary>
    public string? Selector { get; init; }

    /// <summary>Only the selected objects whose fields have these values (a value or a list of allowed values).</summary>
    public IReadOnlyDictionary<string, object?>? Where { get; init; }

    /// <summary>The field of each selected object the conditions check (a path such as <c>userStory/asA</c>); default the object itself.</summary>
    public string? Field { get; init; }

    /// <summary>What the value must satisfy.</summary>
    public RulePackConditions? Conditions { get; init; }

    /// <summary>One or two sentences on what the rule checks and why.</summary>
    public string? Description { get; init; }

    /// <summary>The rule's documentation page; default the pack's <c>helpUri</c>, else none.</summary>
    public string? HelpUri { get; init; }

    /// <summary>The rule's category; default the pack's, else <c>custom</c>.</summary>
    public string? Category { get; init; }
}

/// <summary>The conditions of a rule; a finding reports the first that fails, in the order of these properties.</summary>
internal sealed record RulePackConditions
{
    /// <summary>The value is present: not absent, <c>null</c>, a blank string or an empty list.</summary>
    public bool? Required { get; init; }

    /// <summary>The value is present and not empty: as required, and an object holds at least one non-blank field.</summary>
    public bool? NonEmpty { get; init; }

    /// <summary>The value is one of these.</summary>
    public IReadOnlyList<object?>? Enum { get; init; }

    /// <summary>The value's text matches this .NET regular expression (not anchored: use ^ and $).</summary>
    public string? Pattern { get; init; }

    /// <summary>The number is at least this.</summary>
    public decimal? Min { get; init; }

    /// <summary>The number is at most this.</summary>
    public decimal? Max { get; init; }

    /// <summary>The date is on or after this: <c>today</c>, <c>today+N</c>, <c>today-N</c> (days) or a date.</summary>
    public string? NotBefore { get; init; }

    /// <summary>The date is on or before this: <c>today</c>, <c>today+N</c>, <c>today-N</c> (days) or a date.</summary>
    public string? NotAfter { get; init; }

    /// <summary>The value is the id of an artifact of this kind, of any artifact (<c>any</c>), or of a person (<c>Person</c>).</summary>
    public string? Reference { get; init; }
}

/// <summary>The severity of a pack rule.</summary>
internal enum PackSeverity
{
    /// <summary><c>error</c>.</summary>
    Error,
    /// <summary><c>warning</c>.</summary>
    Warning,
    /// <summary><c>info</c>.</summary>
    Info,
}
