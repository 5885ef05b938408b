namespace Governance.Rules.Loading;

/// <summary>How paths are searched for governance files.</summary>
public sealed record LoadOptions
{
    /// <summary>Globs (relative to each folder argument) a file must match; empty means every YAML/JSON file.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs (relative to each folder argument) of files to leave out.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Files never read as artifacts: the output, configuration and baseline files.</summary>
    public IReadOnlyList<string> ExcludedFiles { get; init; } = [];

    /// <summary>The folder file paths in findings are relative to; default the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Called (from several threads) each time a file has been read; for progress displays.</summary>
    internal Action<string>? FileRead { get; init; }

    /// <summary>
    /// Keeps every fast-path document's compact form (JSON bytes; YAML: JSON and a position per node) for files too,
    /// instead of reading the file again when a position is asked for; tests compare the two.
    /// </summary>
    internal bool KeepCompactDocuments { get; init; }

    /// <summary>
    /// Keeps each file's bytes, once its documents let their compact form go, until the engine lets them go
    /// (<see cref="CompactDocument.LetGoOfHeldBytes"/> after the rules of the file's batch ran), so the findings of those
    /// rules are located without reading the file again. For batches only: nothing else lets them go.
    /// </summary>
    internal bool HoldFileBytes { get; init; }

    /// <summary>
    /// Reads the items of backlogs (JSON and YAML fast paths) as summaries, each item's record made when asked for
    /// (<see cref="DeferredBacklogItems"/>). Set by the engine when every rule that reads backlog records reads the
    /// summaries; any other reader still gets every record, only later.
    /// </summary>
    internal bool DeferBacklogItems { get; init; }
}

/// <summary>A path argument that does not exist; an invocation error, not a finding.</summary>
public sealed class InputPathNotFoundException(string path)
    : FileNotFoundException($"Path not found: {path}", path);
