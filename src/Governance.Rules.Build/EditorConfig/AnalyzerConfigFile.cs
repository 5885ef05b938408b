using System.Globalization;

namespace Governance.Rules.Build.EditorConfig;

/// <summary>
/// One <c>.editorconfig</c> or <c>.globalconfig</c> file, parsed to the subset the build uses: the preamble keys
/// (<c>root</c>, <c>is_global</c>, <c>global_level</c>), and per section its glob and its <c>key = value</c> pairs with
/// their line numbers. Keys are lower-cased (EditorConfig keys are case-insensitive); comments start with <c>#</c> or
/// <c>;</c> at the beginning of a line. A line that is neither a section, a pair, a comment nor blank is kept as a problem.
/// </summary>
internal sealed class AnalyzerConfigFile
{
    private AnalyzerConfigFile(string path, IReadOnlyDictionary<string, Entry> preamble, IReadOnlyList<Section> sections, IReadOnlyList<Entry> problems)
    {
        Path = path;
        Preamble = preamble;
        Sections = sections;
        Problems = problems;
        Directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The folder the section globs are relative to.</summary>
    public string Directory { get; }

    /// <summary>The pairs before the first section, by lower-cased key.</summary>
    public IReadOnlyDictionary<string, Entry> Preamble { get; }

    /// <summary>The sections in file order.</summary>
    public IReadOnlyList<Section> Sections { get; }

    /// <summary>Lines that could not be read (their text in <see cref="Entry.Value"/>).</summary>
    public IReadOnlyList<Entry> Problems { get; }

    /// <summary><c>root = true</c>: no <c>.editorconfig</c> above this one applies.</summary>
    public bool IsRoot => Preamble.TryGetValue("root", out var root) && string.Equals(root.Value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A global configuration: named <c>.globalconfig</c>, or with <c>is_global = true</c> in its preamble.</summary>
    public bool IsGlobal =>
        string.Equals(System.IO.Path.GetFileName(Path), ".globalconfig", StringComparison.OrdinalIgnoreCase) ||
        (Preamble.TryGetValue("is_global", out var global) && string.Equals(global.Value, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The precedence of a global configuration among others (higher wins): <c>global_level</c>, else 100 for a file
    /// named <c>.globalconfig</c> and 0 for any other, as Roslyn does.
    /// </summary>
    public int GlobalLevel =>
        Preamble.TryGetValue("global_level", out var level) && int.TryParse(level.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : string.Equals(System.IO.Path.GetFileName(Path), ".globalconfig", StringComparison.OrdinalIgnoreCase) ? 100 : 0;

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static AnalyzerConfigFile Read(string path) => Parse(System.IO.Path.GetFullPath(path), File.ReadAllText(path));

    /// <summary>Parses <paramref name="text"/> as the content of the file at <paramref name="path"/>.</summary>
    public static AnalyzerConfigFile Parse(string path, string text)
    {
        var preamble = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var sections = new List<Section>();
        var problems = new List<Entry>();
        Dictionary<string, Entry>? current = null;
        var lineNumber = 0;
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (lineNumber == 1 && trimmed.Length > 0 && trimmed[0] == '\uFEFF') trimmed = trimmed[1..].Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;
            if (trimmed[0] == '[')
            {
                var close = trimmed.LastIndexOf(']');
                if (close <= 1)
                {
                    problems.Add(new Entry(string.Empty, trimmed, lineNumber));
                    current = null;
                    continue;
                }

                current = new Dictionary<string, Entry>(StringComparer.Ordinal);
                sections.Add(new Section(trimmed[1..close], lineNumber, current));
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add(new Entry(string.Empty, trimmed, lineNumber));
                continue;
            }

            var key = trimmed[..equals].Trim().ToLowerInvariant();
            var value = StripInlineComment(trimmed[(equals + 1)..]).Trim();
            (current ?? preamble)[key] = new Entry(key, value, lineNumber);
        }

        return new AnalyzerConfigFile(path, preamble, sections, problems);
    }

    // EditorConfig allows " # comment" after a value; a '#' inside a value without a space before it stays.
    private static string StripInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1])) return value[..i];
        }

        return value;
    }

    /// <summary>One <c>key = value</c> line.</summary>
    /// <param name="Key">The lower-cased key.</param>
    /// <param name="Value">The value, trimmed.</param>
    /// <param name="Line">1-based line number.</param>
    internal sealed record Entry(string Key, string Value, int Line);

    /// <summary>A <c>[glob]</c> section and its pairs.</summary>
    /// <param name="Glob">The section name as written.</param>
    /// <param name="Line">1-based line of the header.</param>
    /// <param name="Entries">The pairs by lower-cased key.</param>
    internal sealed record Section(string Glob, int Line, IReadOnlyDictionary<string, Entry> Entries)
    {
        private EditorConfigGlob? glob;

        /// <summary>Whether the section applies to <paramref name="relativePath"/> ('/'-separated, relative to the file's folder).</summary>
        public bool Matches(string relativePath) => (glob ??= EditorConfigGlob.Create(Glob)).IsMatch(relativePath);
    }
}
