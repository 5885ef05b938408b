using Governance.Rules.Configuration;

namespace Governance.Rules.RulePacks;

/// <summary>
/// A rule pack that cannot be used: unreadable, not valid YAML or JSON, not valid against the rule-pack schema, or with
/// a rule that cannot compile (unknown field, bad regular expression, unknown placeholder, a clashing id). Carries
/// every problem with the pack file, line and column. Thrown by <see cref="RulePackLoader"/> and <c>AddRulePack</c>
/// when the pack is read, and by the engine's constructor when a pack rule's id clashes with another rule's.
/// </summary>
public sealed class RulePackException : Exception
{
    /// <summary>Creates the exception from its problems (at least one).</summary>
    public RulePackException(IReadOnlyList<ConfigurationProblem> problems)
        : base(string.Join(Environment.NewLine, (problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => p.ToString())))
    {
        if (problems.Count == 0) throw new ArgumentException("A rule pack exception needs at least one problem.", nameof(problems));
        Problems = problems;
    }

    /// <summary>Creates the exception with one message.</summary>
    public RulePackException(string message)
        : base(message) => Problems = [new ConfigurationProblem(null, 0, 0, message)];

    /// <summary>Creates the exception with one message and its cause.</summary>
    public RulePackException(string message, Exception innerException)
        : base(message, innerException) => Problems = [new ConfigurationProblem(null, 0, 0, message)];

    /// <summary>Creates an exception saying the rule pack is not valid.</summary>
    public RulePackException()
        : this("The rule pack is not valid.")
    {
    }

    /// <summary>Every problem found, each with its file, line and column.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The pack file of the first problem, as shown to the user.</summary>
    public string? File => Problems[0].File;

    /// <summary>The 1-based line of the first problem; 0 when unknown.</summary>
    public int Line => Problems[0].Line;

    /// <summary>The 1-based column of the first problem; 0 when unknown.</summary>
    public int Column => Problems[0].Column;
}
