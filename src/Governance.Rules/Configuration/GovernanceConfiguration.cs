using Governance.Rules.Engine;

namespace Governance.Rules.Configuration;

/// <summary>
/// A validated configuration (from <c>governance.yaml</c> or built in memory): the settings the engine applies, the
/// exit-code threshold and the baseline file. Applying it to <see cref="AnalysisOptions"/> is how both the CLI and host
/// applications use it, so an in-memory configuration behaves exactly like the file.
/// </summary>
internal sealed record GovernanceConfiguration
{
    /// <summary>The configuration file (full path), when it came from one.</summary>
    public string? File { get; init; }

    /// <summary>"Today" for the clock rules; a date given on the command line wins.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The time zone "today" is taken in.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The exit-code threshold; <c>none</c> never fails; <see langword="null"/> when not configured.</summary>
    public ConfiguredSeverity? FailOn { get; init; }

    /// <summary>Rule settings by id.</summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);

    /// <summary>Per-path overrides, in order.</summary>
    public IReadOnlyList<RuleOverride> Overrides { get; init; } = [];

    /// <summary>Exemptions.</summary>
    public IReadOnlyList<ExemptionSettings> Exemptions { get; init; } = [];

    /// <summary>The baseline file (full path), when configured.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>The weights of the health scores (the <c>scores</c> key); <see langword="null"/> for the defaults.</summary>
    public Reporting.ScoreWeights? Scores { get; init; }

    /// <summary>Options carrying this configuration; values already set on <paramref name="options"/> (from the command line) win.</summary>
    public AnalysisOptions ApplyTo(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            AsOf = options.AsOf ?? AsOf,
            TimeZone = options.TimeZone ?? TimeZone,
            Rules = Rules,
            Overrides = Overrides,
            Exemptions = Exemptions,
        };
    }
}

/// <summary>A configuration that is not valid: every problem with its file, line and column.</summary>
public sealed class GovernanceConfigurationException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public GovernanceConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString()))) => Problems = problems;

    /// <summary>Creates the exception with one message.</summary>
    public GovernanceConfigurationException(string message)
        : base(message) => Problems = [new ConfigurationProblem(null, 0, 0, message)];

    /// <summary>Creates the exception with one message and its cause.</summary>
    public GovernanceConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [new ConfigurationProblem(null, 0, 0, message)];

    /// <summary>Creates an empty exception.</summary>
    public GovernanceConfigurationException()
        : this("The configuration is not valid.")
    {
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }
}

/// <summary>One problem in a configuration.</summary>
/// <param name="File">The file, as shown to the user.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ConfigurationProblem(string? File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        File is null ? Message : Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
