using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Enumeration;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Governance.Rules.Loading;

/// <summary>An artifact read from a file, with where it came from.</summary>
/// <param name="Artifact">The typed record.</param>
/// <param name="Document">Its file, position in the file and source map.</param>
internal sealed record LoadedArtifact(Artifact Artifact, SourceDocument Document);

/// <summary>What loading gave: the artifacts in document order, and the engine findings (GOV001, GOV002, GOV004).</summary>
internal sealed record LoadResult(IReadOnlyList<LoadedArtifact> Artifacts, IReadOnlyList<Finding> Findings, int FilesRead);

/// <summary>
/// Finds governance files, parses YAML and JSON with a source map, checks the envelope (GOV004) and the shape (GOV002),
/// and builds typed records. A broken document never stops the others; nothing in a file makes it throw.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service resolved through dependency injection and replaceable there.")]
internal sealed class ArtifactLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Finds and loads every governance file under <paramref name="paths"/>.</summary>
    /// <exception cref="InputPathNotFoundException">A path does not exist.</exception>
    public LoadResult LoadPaths(IReadOnlyList<string> paths, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new LoadOptions();
        var workingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var files = FindFiles(paths, options, workingDirectory);
        return Combine(LoadFiles(files, 0, files.Count, options, cancellationToken));
    }

    /// <summary>
    /// Finds the files under <paramref name="paths"/> and loads them <paramref name="batchFiles"/> at a time, in
    /// document order (each batch in parallel), with a way to read an artifact of a batch again from its file.
    /// </summary>
    /// <exception cref="InputPathNotFoundException">A path does not exist.</exception>
    public IEnumerable<(LoadResult Result, Func<Engine.ArtifactEntry, Func<Artifact>?> ReadAgain)> LoadPathsInBatches(
        IReadOnlyList<string> paths, LoadOptions? options, int batchFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new LoadOptions();
        var workingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var files = FindFiles(paths, options, workingDirectory);
        var byDisplay = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        foreach (var file in files) byDisplay.TryAdd(file.DisplayPath, file);
        Func<Artifact>? ReadAgain(Engine.ArtifactEntry entry) =>
            entry.Document is { } document && byDisplay.TryGetValue(document.File, out var file)
                ? () => ReadAgainFrom(file, document.Index, entry.Id)
                : null;
        for (var start = 0; start < files.Count; start += batchFiles)
            yield return (Combine(LoadFiles(files, start, Math.Min(batchFiles, files.Count - start), options, cancellationToken)), ReadAgain);
    }

    /// <summary>Reads a released record again: the artifact at <paramref name="index"/> of the file, if it still has id <paramref name="id"/>.</summary>
    /// <exception cref="InvalidOperationException">The file changed or can no longer be read.</exception>
    private static Artifact ReadAgainFrom(InputFile file, int index, string? id)
    {
        try
        {
            var loaded = LoadFile(file.DisplayPath, File.ReadAllBytes(file.FullPath), file.Explicit);
            foreach (var artifact in loaded.Artifacts)
            {
                if (artifact.Document.Index == index && artifact.Artifact.Id == id) return artifact.Artifact;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The file {file.DisplayPath} cannot be read again: {ex.Message}", ex);
        }

        throw new InvalidOperationException($"The file {file.DisplayPath} changed during the analysis: artifact '{id}' is no longer where it was.");
    }

    private static FileResult[] LoadFiles(List<InputFile> files, int start, int count, LoadOptions options, CancellationToken cancellationToken)
    {
        var results = new FileResult[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, j =>
        {
            var i = j;
            var file = files[start + j];
            byte[] bytes;
            int read;
            bool pooled;
            FileBytes again;
            try
            {
                var info = new FileInfo(file.FullPath);
                var length = info.Length;
                again = new FileBytes(file.FullPath, length, info.LastWriteTimeUtc);
                if (length > DocumentLimits.MaxFileBytes)
                {
                    results[i] = new FileResult([], [Parse(file.DisplayPath, $"The file is {length:N0} bytes, more than the {DocumentLimits.MaxFileBytes:N0} bytes one file may have; split it", 1, 1)], true);
                    return;
                }

                bytes = ReadFile(file.FullPath, out read, out pooled);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                results[i] = new FileResult([], [Parse(file.DisplayPath, $"The file cannot be read: {ex.Message}", 1, 1)], true);
                return;
            }

            var readAgain = read == again.Length && !options.KeepCompactDocuments ? again : null;
            results[i] = LoadFile(file.DisplayPath, bytes.AsMemory(0, read), file.Explicit, readAgain: readAgain, deferBacklogItems: options.DeferBacklogItems);
            if (readAgain is { IsUsed: true } && options.HoldFileBytes) readAgain.Hold(bytes, pooled); // until the batch's rules ran
            else if (pooled && readAgain is not null) ArrayPool<byte>.Shared.Return(bytes); // nothing loaded keeps a file's bytes (positions read it again)
            options.FileRead?.Invoke(file.DisplayPath);
        });

        return results;
    }

    /// <summary>Largest file read into a pooled buffer; larger ones get an array of their own.</summary>
    private const int MaxPooledBytes = 1024 * 1024;

    /// <summary>
    /// Reads a file: one of at most <see cref="MaxPooledBytes"/> into a buffer rented from the shared pool
    /// (<paramref name="pooled"/>; the caller returns it once nothing loaded refers to it), a larger one into its own array.
    /// Nothing loaded from a YAML file refers to its bytes (its documents copy their JSON); a JSON document loaded from a
    /// file whose length changed while it was read keeps them, so the caller keeps that buffer.
    /// </summary>
    private static byte[] ReadFile(string path, out int read, out bool pooled)
    {
        pooled = false;
        using (var handle = File.OpenHandle(path))
        {
            var length = RandomAccess.GetLength(handle);
            if (length <= MaxPooledBytes)
            {
                var buffer = ArrayPool<byte>.Shared.Rent((int)length);
                read = 0;
                int chunk;
                while (read < length && (chunk = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read)) > 0) read += chunk;
                pooled = true;
                return buffer;
            }
        }

        var bytes = File.ReadAllBytes(path);
        read = bytes.Length;
        return bytes;
    }

    /// <summary>Loads one file's content, as if it had been named explicitly.</summary>
    /// <param name="displayPath">The path findings show; its extension (<c>.json</c> or YAML) picks the parser.</param>
    /// <param name="content">The raw bytes.</param>
    public LoadResult LoadContent(string displayPath, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        return Combine([LoadFile(displayPath, content, explicitFile: true)]);
    }

    /// <summary>
    /// Reads <paramref name="content"/> to its end and loads it like <see cref="LoadContent(string, ReadOnlyMemory{byte})"/>. Content over
    /// <see cref="DocumentLimits.MaxFileBytes"/>, or a stream that fails to read, becomes a GOV001 finding.
    /// </summary>
    internal async Task<LoadResult> LoadStreamAsync(string displayPath, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > DocumentLimits.MaxFileBytes)
                    return Combine([new FileResult([], [Parse(displayPath, $"The content is more than the {DocumentLimits.MaxFileBytes:N0} bytes one file may have; split it", 1, 1)], true)]);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException)
        {
            return Combine([new FileResult([], [Parse(displayPath, $"The content cannot be read: {ex.Message}", 1, 1)], true)]);
        }

        return LoadContent(displayPath, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Loads one file's content, with the fast path or (for tests comparing the two) only the full path.</summary>
    internal static LoadResult LoadContent(string displayPath, ReadOnlyMemory<byte> content, bool fastPath) =>
        Combine([LoadFile(displayPath, content, explicitFile: true, fastPath)]);

    private static LoadResult Combine(FileResult[] results)
    {
        var artifacts = new List<LoadedArtifact>();
        var findings = new List<Finding>();
        var read = 0;
        foreach (var result in results)
        {
            if (!result.Read) continue;
            read++;
            artifacts.AddRange(result.Artifacts);
            findings.AddRange(result.Findings);
        }

        return new LoadResult(artifacts, findings, read);
    }

    private sealed record FileResult(List<LoadedArtifact> Artifacts, List<Finding> Findings, bool Read);

    private sealed record InputFile(string FullPath, string DisplayPath, bool Explicit);

    private static List<InputFile> FindFiles(IReadOnlyList<string> paths, LoadOptions options, string workingDirectory)
    {
        var excluded = new HashSet<string>(options.ExcludedFiles.Select(Path.GetFullPath), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<InputFile>();
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                if (!excluded.Contains(full) && seen.Add(full)) files.Add(new InputFile(full, Display(full, workingDirectory), true));
                continue;
            }

            if (!Directory.Exists(full)) throw new InputPathNotFoundException(path);
            if (options.Include.Count == 0 && options.Exclude.Count == 0)
            {
                // Every file of the folder: no patterns to match (a matcher with **/* took ~7 ms per 3,600 files).
                foreach (var file in Enumerate(full))
                {
                    if (!excluded.Contains(file) && seen.Add(file))
                        files.Add(new InputFile(file, Display(file, workingDirectory), false));
                }

                continue;
            }

            var matcher = new Matcher(StringComparison.Ordinal);
            if (options.Include.Count == 0) matcher.AddInclude("**/*");
            foreach (var include in options.Include) matcher.AddInclude(include);
            foreach (var exclude in options.Exclude) matcher.AddExclude(exclude);
            var candidates = Enumerate(full)
                .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
                .ToList();
            foreach (var match in matcher.Match(full, candidates).Files)
            {
                var file = Path.GetFullPath(Path.Combine(full, match.Path));
                if (!excluded.Contains(file) && seen.Add(file)) files.Add(new InputFile(file, Display(file, workingDirectory), false));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return files;
    }

    /// <summary>
    /// Every governance file (by extension) under <paramref name="folder"/>, hidden ones included, in no particular
    /// order; folders named <c>.git</c> and symbolic links to folders are not entered. One listing per folder, the kind
    /// of each entry read from it (no call per entry). The first levels are listed here until there are enough folders
    /// to share, then their subtrees on every core: listing a portfolio's thousands of folders one at a time kept a core
    /// idle before the first file could be read.
    /// </summary>
    private static List<string> Enumerate(string folder)
    {
        var files = new List<string>();
        List<string> level = [folder];
        while (level.Count is > 0 and < ParallelListingFolders)
        {
            var next = new List<string>();
            foreach (var current in level) List(current, files, next);
            level = next;
        }

        if (level.Count == 0) return files;
        try
        {
            Parallel.ForEach(Partitioner.Create(level, EnumerablePartitionerOptions.NoBuffering), () => new List<string>(), (subtree, _, found) =>
            {
                var pending = new Stack<string>();
                pending.Push(subtree);
                var folders = new List<string>();
                while (pending.TryPop(out var current))
                {
                    folders.Clear();
                    List(current, found, folders);
                    foreach (var subfolder in folders) pending.Push(subfolder);
                }

                return found;
            }, found =>
            {
                lock (files) files.AddRange(found);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // As a listing on one thread would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return files;
    }

    /// <summary>Folders listed one at a time before their subtrees are shared between cores.</summary>
    private const int ParallelListingFolders = 16;

    private static readonly EnumerationOptions ListingOptions = new() { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };

    /// <summary>Adds the governance files of <paramref name="folder"/> to <paramref name="files"/> and the folders to enter to <paramref name="folders"/>.</summary>
    private static void List(string folder, List<string> files, List<string> folders)
    {
        using var entries = new FolderListing(folder, folders);
        while (entries.MoveNext()) files.Add(entries.Current);
    }

    /// <summary>
    /// One listing of a folder: its governance files, while the folders to enter go to <paramref name="folders"/>. An
    /// enumerator of strings, as the runtime's own file search uses, so that its code is precompiled: one over a value
    /// type would be compiled at start-up (~25 ms of a one-file check).
    /// </summary>
    private sealed class FolderListing(string folder, List<string> folders) : FileSystemEnumerator<string>(folder, ListingOptions)
    {
        protected override bool ShouldIncludeEntry(ref FileSystemEntry entry)
        {
            if (!entry.IsDirectory) return HasGovernanceExtension(entry.FileName);
            if (IsFolderToEnter(ref entry)) folders.Add(entry.ToFullPath());
            return false;
        }

        protected override string TransformEntry(ref FileSystemEntry entry) => entry.ToFullPath();
    }

    private static bool HasGovernanceExtension(ReadOnlySpan<char> fileName)
    {
        var extension = Path.GetExtension(fileName);
        foreach (var known in Extensions)
        {
            if (extension.Equals(known, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static bool IsFolderToEnter(ref FileSystemEntry entry)
    {
        if (entry.FileName.SequenceEqual(".git")) return false;
        if ((entry.Attributes & FileAttributes.ReparsePoint) == 0) return true;

        // A reparse point is not always a link (on Windows, a cloud-synced folder is one too): only links are skipped.
        return new DirectoryInfo(entry.ToFullPath()).LinkTarget is null;
    }

    /// <summary>The path of <paramref name="fullPath"/> relative to <paramref name="workingDirectory"/>, with forward slashes.</summary>
    private static string Display(string fullPath, string workingDirectory)
    {
        // A file under the working directory (the usual case) is the rest of its path; GetRelativePath normalizes both
        // paths again, which cost more than reading the file's name list.
        if (fullPath.Length > workingDirectory.Length && fullPath.StartsWith(workingDirectory, StringComparison.Ordinal))
        {
            var separatorAt = Path.EndsInDirectorySeparator(workingDirectory) ? workingDirectory.Length - 1 : workingDirectory.Length;
            if (fullPath[separatorAt] == Path.DirectorySeparatorChar && fullPath.Length > separatorAt + 1 && !HasRelativeSegments(fullPath.AsSpan(separatorAt + 1)))
                return fullPath[(separatorAt + 1)..].Replace('\\', '/');
        }

        return Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');
    }

    private static bool HasRelativeSegments(ReadOnlySpan<char> path) =>
        path.StartsWith('.') || path.Contains("/.", StringComparison.Ordinal) || path.Contains("\\.", StringComparison.Ordinal) ||
        path.Contains("//", StringComparison.Ordinal);

    private static FileResult LoadFile(
        string displayPath, ReadOnlyMemory<byte> bytes, bool explicitFile, bool fastPath = true, FileBytes? readAgain = null, bool deferBacklogItems = false)
    {
        var isJson = string.Equals(Path.GetExtension(displayPath), ".json", StringComparison.OrdinalIgnoreCase);
        ParsedFile parsed;
        if (isJson)
        {
            if (fastPath && JsonDocumentParser.TryLoadFast(bytes, deferBacklogItems) is { } json && TryLoadFast(displayPath, json.Documents, readAgain, false, json.Records) is { } fast) return fast;
            parsed = JsonDocumentParser.Parse(bytes);
        }
        else
        {
            if (fastPath && TryLoadFast(displayPath, YamlDocumentParser.TryReadFast(bytes), readAgain, deferBacklogItems) is { } fast) return fast;
            var text = TextDecoding.TryDecodeText(bytes, allowUtf16: true, out var decodeError);
            parsed = text is null ? new ParsedFile([], decodeError) : YamlDocumentParser.Parse(text);
        }

        var documents = Split(parsed.Documents);
        var findings = new List<Finding>();
        var artifacts = new List<LoadedArtifact>();
        if (parsed.Error is null && documents.All(d => d.Error is null) && !explicitFile && !documents.Any(IsGovernanceLike))
            return new FileResult(artifacts, findings, Read: false);

        var index = 0;
        foreach (var document in documents)
        {
            var position = index++;
            if (document.Error is { } error)
            {
                findings.Add(Parse(displayPath, error.Message, error.Line, error.Column));
                continue;
            }

            LoadDocument(displayPath, position, document, artifacts, findings);
        }

        if (parsed.Error is { } fatal) findings.Add(Parse(displayPath, fatal.Message, fatal.Line, fatal.Column));
        return new FileResult(artifacts, findings, Read: true);
    }

    /// <summary>
    /// The fast path: every document of the file passed the fast path's checks, so each record is read from its JSON bytes
    /// by <see cref="ArtifactReader"/> (JSON: <paramref name="records"/>, read in the same pass), and its source map waits
    /// until a finding needs it. Null when the reader refuses any document: the full path then reads the file again,
    /// so findings are exactly those it always gave.
    /// </summary>
    private static FileResult? TryLoadFast(string displayPath, List<CompactDocument>? documents, FileBytes? readAgain, bool deferBacklogItems, List<Artifact>? records = null)
    {
        if (documents is null) return null;
        var artifacts = new List<LoadedArtifact>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            Artifact? artifact;
            if (records is not null)
            {
                artifact = records[i];
            }
            else
            {
                using var summarizing = deferBacklogItems ? ArtifactReader.SummarizingBacklogItems(document.Json) : default;
                artifact = ArtifactReader.TryRead(document.Json.Span, document.RecordType);
            }

            if (artifact is null || !WithinRanges(artifact)) return null;
            artifacts.Add(new LoadedArtifact(artifact, new SourceDocument(displayPath, i, document.CreateMap())));
        }

        if (readAgain is not null)
        {
            CompactDocument.ReadAgainFrom(documents, readAgain);
            for (var i = 0; i < artifacts.Count; i++)
            {
                if (artifacts[i].Artifact is Backlog { Spec.Items: DeferredBacklogItems items }) items.ReadFrom(documents[i]);
            }
        }

        return new FileResult(artifacts, [], Read: true);
    }

    /// <summary>A root sequence (JSON array or YAML sequence) holds one artifact per element, each with its own pointers.</summary>
    private static List<ParsedDocument> Split(IReadOnlyList<ParsedDocument> documents)
    {
        var result = new List<ParsedDocument>(documents.Count);
        foreach (var document in documents)
        {
            if (document.Root is not JsonArray array)
            {
                if (document.Root is not null || document.Error is not null) result.Add(document);
                continue;
            }

            var elements = array.ToArray();
            array.Clear();
            var buckets = new Dictionary<string, SourcePosition>[elements.Length];
            for (var i = 0; i < buckets.Length; i++) buckets[i] = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
            foreach (var (pointer, position) in document.Positions)
            {
                if (pointer.Length < 2) continue;
                var slash = pointer.IndexOf('/', 1);
                var first = slash < 0 ? pointer[1..] : pointer[1..slash];
                if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < buckets.Length)
                    buckets[i][slash < 0 ? string.Empty : pointer[slash..]] = position;
            }

            for (var i = 0; i < elements.Length; i++)
            {
                if (elements[i] is not null) result.Add(new ParsedDocument(elements[i], buckets[i]));
            }
        }

        return result;
    }

    private static bool IsGovernanceLike(ParsedDocument document)
    {
        if (document.Root is not JsonObject root) return false;
        if (root.TryGetPropertyValue("apiVersion", out var apiVersion) && apiVersion is not null)
            return apiVersion is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(ArtifactKinds.ApiVersionPrefix, StringComparison.Ordinal);
        return root.ContainsKey("kind") || root.ContainsKey("metadata") || root.ContainsKey("spec");
    }

    private static void LoadDocument(string file, int index, ParsedDocument document, List<LoadedArtifact> artifacts, List<Finding> findings)
    {
        var positions = document.Positions;
        Finding At(RuleDescriptor descriptor, string pointer, string message, string? artifactId, Severity? severity = null)
        {
            var found = positions.TryGetValue(pointer, out var p) ? p : positions.GetValueOrDefault(string.Empty);
            return new Finding
            {
                RuleId = descriptor.Id,
                Severity = severity ?? descriptor.DefaultSeverity,
                Message = message,
                ArtifactId = artifactId,
                File = file,
                Pointer = pointer,
                Line = found.Line,
                Column = found.Column,
            };
        }

        if (document.Root is not JsonObject root)
        {
            findings.Add(At(EngineDiagnostics.UnknownKind, string.Empty, $"The document is {SchemaValidation.Show(document.Root)}, not an artifact with apiVersion and kind", null));
            return;
        }

        var id = StringAt(root, "metadata", "id");
        var kindText = StringAt(root, "kind");
        if (kindText is ArtifactKinds.ConfigKind or RulePacks.RulePackSchema.Kind) return; // configuration, never artifacts
        var envelopeProblem = CheckEnvelope(root, kindText, out var recordType);
        if (envelopeProblem is { } problem)
        {
            findings.Add(At(EngineDiagnostics.UnknownKind, problem.Pointer, problem.Message, id));
            return;
        }

        // Both passes build a pointer per node; most documents need neither, and a read-only scan tells (no allocation).
        if (HasBlankValue(root)) Normalize(root, string.Empty, positions);
        if (HasReversedDateRange(root))
            CheckDateRanges(root, string.Empty, positions, (pointer, message) => findings.Add(At(EngineDiagnostics.SchemaViolation, pointer, message, id)));

        // Fast path: a strict deserialization decides validity; NJsonSchema only explains the documents that fail it.
        var artifact = TryDeserializeStrictly(root, recordType);
        if (artifact is null)
        {
            var schema = ArtifactSchemas.For(recordType);
            foreach (var schemaProblem in SchemaValidation.Validate(schema, root))
            {
                findings.Add(At(EngineDiagnostics.SchemaViolation, schemaProblem.Pointer, schemaProblem.Message, id,
                    schemaProblem.IsUnknownProperty ? Severity.Warning : null));
                SchemaValidation.MakeAbsent(root, schemaProblem.Pointer, positions);
            }
        }

        id = StringAt(root, "metadata", "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            var holder = document.Root is JsonObject && positions.ContainsKey("/metadata") && root["metadata"] is JsonObject ? "/metadata" : string.Empty;
            findings.Add(At(EngineDiagnostics.SchemaViolation, holder, "'metadata.id' is required: every artifact needs an id", null));
        }

        artifact ??= Deserialize(root, recordType, positions, (pointer, message) => findings.Add(At(EngineDiagnostics.SchemaViolation, pointer, message, id)));
        artifacts.Add(new LoadedArtifact(artifact, new SourceDocument(file, index, new SourceMap(positions))));
    }

    private static (string Pointer, string Message)? CheckEnvelope(JsonObject root, string? kindText, out Type recordType)
    {
        recordType = typeof(Artifact);
        var hasApiVersion = root.TryGetPropertyValue("apiVersion", out var apiVersionNode) && apiVersionNode is not null;
        var apiVersion = StringAt(root, "apiVersion");
        if (hasApiVersion && apiVersion != ArtifactKinds.ApiVersion)
            return ("/apiVersion", $"Unknown apiVersion {SchemaValidation.Show(apiVersionNode)}; expected '{ArtifactKinds.ApiVersion}'");
        var hasKind = root.TryGetPropertyValue("kind", out var kindNode) && kindNode is not null;
        if (hasKind && !ArtifactKinds.TryGet(kindText, out _, out recordType))
        {
            var suggestion = kindText is null ? null : ArtifactKinds.Suggest(kindText);
            return ("/kind", $"Unknown kind {SchemaValidation.Show(kindNode)}" +
                (suggestion is null ? $"; expected one of {string.Join(", ", ArtifactKinds.Names)}" : $" (did you mean '{suggestion}'?)"));
        }

        if (!hasApiVersion && !hasKind) return (string.Empty, $"The document has neither apiVersion nor kind; expected apiVersion: {ArtifactKinds.ApiVersion} and a kind");
        if (!hasApiVersion) return (string.Empty, $"The document has no apiVersion; expected apiVersion: {ArtifactKinds.ApiVersion}");
        if (!hasKind) return (string.Empty, $"The document has no kind; expected one of {string.Join(", ", ArtifactKinds.Names)}");
        return null;
    }

    /// <summary>Whether <see cref="Normalize"/> has anything to do: a null or blank-string value in an object, or a null in an array.</summary>
    private static bool HasBlankValue(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text)) || HasBlankValue(value))
                        return true;
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is null || HasBlankValue(item)) return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether <see cref="CheckDateRanges"/> has anything to report: a range whose end is before its start.</summary>
    private static bool HasReversedDateRange(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if ((value is JsonObject range && TryDate(range, "start", out var start) && TryDate(range, "end", out var end) && end < start) || HasReversedDateRange(value))
                        return true;
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (HasReversedDateRange(item)) return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Removes null and blank-string values from objects: blank means absent (SPEC §H), never a schema error.</summary>
    private static void Normalize(JsonNode? node, string pointer, Dictionary<string, SourcePosition> positions)
    {
        switch (node)
        {
            case JsonObject obj:
                List<string>? blank = null;
                foreach (var (name, value) in obj)
                {
                    if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text)))
                        (blank ??= []).Add(name);
                    else Normalize(value, JsonPointer.Append(pointer, name), positions);
                }

                if (blank is not null)
                {
                    foreach (var name in blank)
                    {
                        obj.Remove(name);
                        positions.Remove(JsonPointer.Append(pointer, name));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null) positions.Remove(JsonPointer.Append(pointer, i));
                    else Normalize(array[i], JsonPointer.Append(pointer, i), positions);
                }

                break;
        }
    }

    /// <summary>A range whose end is before its start is GOV002 at its end, and the range counts as absent.</summary>
    private static void CheckDateRanges(JsonNode? node, string pointer, Dictionary<string, SourcePosition> positions, Action<string, string> report)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    var childPointer = JsonPointer.Append(pointer, name);
                    if (value is JsonObject range && TryDate(range, "start", out var start) && TryDate(range, "end", out var end) && end < start)
                    {
                        report(JsonPointer.Append(childPointer, "end"), $"'end' {end:yyyy-MM-dd} is before 'start' {start:yyyy-MM-dd}; the range is ignored");
                        obj.Remove(name);
                        SchemaValidation.ForgetPositions(positions, childPointer);
                        continue;
                    }

                    CheckDateRanges(value, childPointer, positions, report);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) CheckDateRanges(array[i], JsonPointer.Append(pointer, i), positions, report);
                break;
        }
    }

    private static bool TryDate(JsonObject obj, string name, out DateOnly date)
    {
        date = default;
        return obj[name] is JsonValue v && v.TryGetValue<string>(out var text) &&
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static Artifact? TryDeserializeStrictly(JsonObject root, Type recordType)
    {
        try
        {
            var artifact = (Artifact?)root.Deserialize(recordType, ArtifactSerialization.StrictOptions);
            return artifact is not null && WithinRanges(artifact) ? artifact : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The numeric ranges of the model (<see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/>), which deserialization does not check.</summary>
    private static bool WithinRanges(Artifact artifact) =>
        artifact is not ProjectPlan plan ||
        plan.Spec.RiskRegister.All(r => r is null || (r.Probability is null or (>= 1 and <= 5) && r.Impact is null or (>= 1 and <= 5)));

    private static Artifact Deserialize(JsonObject root, Type recordType, Dictionary<string, SourcePosition> positions, Action<string, string> report)
    {
        // The schema catches what the records cannot hold; anything it misses is reported here and dropped, then retried.
        for (var attempt = 0; attempt < 64; attempt++)
        {
            try
            {
                return (Artifact)(root.Deserialize(recordType, ArtifactSerialization.Options)
                    ?? throw new JsonException("The document is empty"));
            }
            catch (JsonException ex) when (ex.Path is { Length: > 1 } path)
            {
                var pointer = FromJsonPath(path);
                var tokens = JsonPointer.Tokens(pointer);
                report(pointer, $"'{(tokens.Count > 0 ? tokens[^1] : "document")}' cannot be read: {SchemaValidation.Show(SchemaValidation.Find(root, pointer))}; the value is ignored");
                SchemaValidation.MakeAbsent(root, pointer, positions);
            }
        }

        return (Artifact)Activator.CreateInstance(recordType)!;
    }

    /// <summary>Converts a System.Text.Json path (<c>$.spec.items[0]</c> or <c>$['a.b']</c>) into a JSON pointer.</summary>
    private static string FromJsonPath(string path)
    {
        var tokens = new List<string>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                tokens.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                tokens.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) break;
                tokens.Add(path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return JsonPointer.FromTokens(tokens);
    }

    private static string? StringAt(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var name in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node)) return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static Finding Parse(string file, string message, int line, int column) => new()
    {
        RuleId = EngineDiagnostics.ParseError.Id,
        Severity = EngineDiagnostics.ParseError.DefaultSeverity,
        Message = message,
        File = file,
        Pointer = string.Empty,
        Line = line,
        Column = column,
    };
}
