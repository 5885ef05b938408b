namespace Governance.Rules.Loading;

/// <summary>
/// Reads a file that must hold one YAML or JSON document (<c>governance.yaml</c>, a rule pack): the document with the
/// position of every node, or the first syntax error with its line and column.
/// </summary>
internal static class SingleDocumentParser
{
    /// <summary>Parses <paramref name="bytes"/> as JSON when <paramref name="json"/>, else as YAML (UTF-8 or UTF-16 with a BOM).</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="json">Whether the file is JSON (by its extension).</param>
    /// <param name="what">What the file is, for the error when it holds several documents ("configuration file").</param>
    /// <returns>The document (<see langword="null"/> when the file is empty), or the error.</returns>
    public static (ParsedDocument? Document, SyntaxError? Error) Parse(ReadOnlyMemory<byte> bytes, bool json, string what)
    {
        ParsedFile parsed;
        if (json)
        {
            parsed = JsonDocumentParser.Parse(bytes);
        }
        else
        {
            var text = TextDecoding.TryDecodeText(bytes, allowUtf16: true, out var decodeError);
            parsed = text is null ? new ParsedFile([], decodeError) : YamlDocumentParser.Parse(text);
        }

        var error = parsed.Error ?? parsed.Documents.Select(d => d.Error).FirstOrDefault(e => e is not null);
        if (error is not null) return (null, error);
        var documents = parsed.Documents.Where(d => d.Root is not null).ToList();
        if (documents.Count > 1) return (null, new SyntaxError($"The {what} must hold one document", 1, 1));
        return (documents.FirstOrDefault(), null);
    }

    /// <summary>Whether <paramref name="path"/> names a JSON file (else it is read as YAML).</summary>
    public static bool IsJson(string path) => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);
}
