using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Governance.Rules.Cli;

/// <summary>Where the command line reads and writes: its streams, its working folder and, when interactive, the terminal.</summary>
/// <param name="Out">Standard output: reports, listings, pages.</param>
/// <param name="Error">Standard error: invocation errors, notes and timings.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error)
{
    /// <summary>The folder relative paths (arguments, <c>--output</c>, file names in findings) are taken from.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// The interactive terminal standard output is attached to, for colored output; <see langword="null"/> when output
    /// is redirected, so text reports stay byte-exact.
    /// </summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>Adds to the services after <c>AddGovernanceRules()</c> (tests add rules here); <see langword="null"/> adds nothing.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>A path from the command line, resolved against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A path as shown to the user: relative to <see cref="WorkingDirectory"/> with forward slashes.</summary>
    public string DisplayPath(string fullPath) => Path.GetRelativePath(WorkingDirectory, fullPath).Replace('\\', '/');
}
