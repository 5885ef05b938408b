using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.RulePacks;

/// <summary>Where a pack rule was declared: the pack file as shown to the user and the position of the rule's <c>id</c>.</summary>
internal sealed record PackRuleSource(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>
/// A rule compiled from a rule pack: an artifact action for one kind that selects objects, filters them with
/// <c>where</c>, and reports the first condition each checked value fails. Configuration, suppressions, exemptions,
/// baselines and reports treat it like any C# rule.
/// </summary>
internal sealed class PackRule : GovernanceRule
{
    private readonly ArtifactKind kind;
    private readonly ValuePath selector;
    private readonly IReadOnlyList<(ValuePath Path, EnumCheck Allowed)> filters;
    private readonly ValuePath? field;
    private readonly IReadOnlyList<PackCheck> checks;
    private readonly MessageTemplate message;
    private readonly string fieldName;

    public PackRule(RuleDescriptor descriptor, PackRuleSource source, ArtifactKind kind, ValuePath selector,
        IReadOnlyList<(ValuePath Path, EnumCheck Allowed)> filters, ValuePath? field, IReadOnlyList<PackCheck> checks, MessageTemplate message)
    {
        Descriptor = descriptor with { UsesClock = checks.Any(c => c.UsesClock) };
        Source = source;
        this.kind = kind;
        this.selector = selector;
        this.filters = filters;
        this.field = field;
        this.checks = checks;
        this.message = message;
        fieldName = (field ?? selector).LastName ?? string.Empty;
    }

    public override RuleDescriptor Descriptor { get; }

    /// <summary>Where the rule was declared.</summary>
    public PackRuleSource Source { get; }

    public override void Initialize(RuleRegistration registration) => registration.RegisterArtifactAction(kind, Evaluate);

    /// <summary>A <c>reference</c> condition reads the index (ids and kinds of the nodes), never another record.</summary>
    public override bool ReadsOtherArtifacts => checks.Any(c => c is ReferenceCheck);

    internal override IReadOnlyCollection<ArtifactKind>? OtherRecordsRead => [];

    public override string ToString() => $"rule {Descriptor.Id} of rule pack {Source}";

    /// <summary>
    /// Refuses rules whose ids clash: a pack rule with the id of another rule (built-in, C# or another pack's) is a
    /// <see cref="RulePackException"/> at the pack rule's id.
    /// </summary>
    public static void ThrowOnIdClash(IEnumerable<GovernanceRule> rules)
    {
        var first = new Dictionary<string, GovernanceRule>(StringComparer.Ordinal);
        foreach (var descriptor in EngineDiagnostics.All) first[descriptor.Id] = null!;
        var problems = new List<ConfigurationProblem>();
        foreach (var rule in rules.OrderBy(r => r is PackRule ? 1 : 0))
        {
            var id = rule.Descriptor.Id;
            if (first.TryAdd(id, rule) || rule is not PackRule pack) continue;
            var other = first[id] switch
            {
                null => "an engine diagnostic",
                PackRule earlier => earlier.ToString(),
                var csharp => $"the rule {csharp.GetType().FullName}",
            };
            problems.Add(new ConfigurationProblem(pack.Source.File, pack.Source.Line, pack.Source.Column,
                $"Rule id {id} is already used by {other}; give the pack rule its own id"));
        }

        if (problems.Count > 0) throw new RulePackException(problems);
    }

    private void Evaluate(ArtifactRuleContext<Artifact> context)
    {
        var scope = new CheckScope(context.Today, context.Portfolio);
        HashSet<PackCheck>? timedOut = null;
        foreach (var (pointer, selected) in selector.Select(context.Artifact, string.Empty))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!Matches(selected)) continue;
            var (targetPointer, value) = field is null ? (pointer, selected) : field.Resolve(selected, pointer);
            foreach (var check in checks)
            {
                if (timedOut?.Contains(check) == true) continue;
                bool passes;
                try
                {
                    passes = check.Passes(value, scope);
                }
                catch (RegexMatchTimeoutException ex)
                {
                    // Reported once per artifact; the pattern is not tried again on it, so a hostile value costs one timeout.
                    (timedOut ??= []).Add(check);
                    context.ReportFailureAtPointer(targetPointer, string.Create(CultureInfo.InvariantCulture,
                        $"Rule {Descriptor.Id} failed: its pattern '{ex.Pattern}' took longer than {ex.MatchTimeout.TotalMilliseconds:0} ms on this value, so the pattern was not checked on this artifact; simplify the pattern"));
                    continue;
                }

                if (passes) continue;
                context.ReportAtPointer(targetPointer, message.Render(new MessageValues(
                    Value: Values.Text(value),
                    Path: targetPointer,
                    Field: fieldName,
                    Id: Values.Text(Values.Field(selected, "id")) is { Length: > 0 } ownId ? ownId : context.Artifact.Id ?? string.Empty,
                    ArtifactId: context.Artifact.Id ?? string.Empty,
                    Kind: kind.ToString(),
                    Rule: Descriptor.Id,
                    Expected: check.Expected(scope),
                    Today: context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Selected: selected)));
                break;
            }
        }
    }

    private bool Matches(object? selected)
    {
        foreach (var (path, allowed) in filters)
        {
            if (!allowed.Matches(path.Resolve(selected, string.Empty).Value)) return false;
        }

        return true;
    }
}
