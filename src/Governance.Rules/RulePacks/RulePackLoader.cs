using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.RulePacks;

/// <summary>
/// Reads declarative rule packs (YAML or JSON, <c>kind: RulePack</c>; format in <c>rules/packs/README.md</c>) and
/// compiles their rules into <see cref="GovernanceRule"/>s, which the engine, the configuration and every report treat
/// like C# rules. A pack is checked against its JSON Schema, then each rule against the artifact model: every problem
/// is reported with the pack file, line and column in one <see cref="RulePackException"/>.
/// </summary>
public static class RulePackLoader
{
    private const string DefaultCategory = "custom";
    private const string ReservedPrefix = "GOV";

    /// <summary>Reads and compiles the pack file <paramref name="path"/> (shown in errors as given).</summary>
    /// <exception cref="RulePackException">The pack cannot be read or is not valid.</exception>
    public static IReadOnlyList<GovernanceRule> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return LoadFile(Path.GetFullPath(path), path.Replace('\\', '/'));
    }

    /// <summary>Reads and compiles a pack from <paramref name="stream"/>; <paramref name="displayName"/> names it in errors (a <c>.json</c> name reads it as JSON, else YAML).</summary>
    /// <exception cref="RulePackException">The pack cannot be read or is not valid.</exception>
    public static IReadOnlyList<GovernanceRule> Load(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (IOException ex)
        {
            throw new RulePackException([new ConfigurationProblem(displayName, 0, 0, $"The rule pack cannot be read: {ex.Message}")]);
        }

        return Compile(buffer.ToArray(), displayName);
    }

    /// <summary>Compiles the pack text <paramref name="content"/>; <paramref name="displayName"/> names it in errors (a <c>.json</c> name reads it as JSON, else YAML).</summary>
    /// <exception cref="RulePackException">The pack is not valid.</exception>
    public static IReadOnlyList<GovernanceRule> Parse(string content, string displayName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        return Compile(Encoding.UTF8.GetBytes(content), displayName);
    }

    /// <summary>Reads and compiles the pack at <paramref name="fullPath"/>, shown as <paramref name="displayName"/>.</summary>
    internal static IReadOnlyList<PackRule> LoadFile(string fullPath, string displayName)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "The rule pack file does not exist" : $"The rule pack cannot be read: {ex.Message}";
            throw new RulePackException([new ConfigurationProblem(displayName, 0, 0, reason)]);
        }

        return Compile(bytes, displayName);
    }

    private static List<PackRule> Compile(ReadOnlyMemory<byte> bytes, string displayName)
    {
        var (document, error) = SingleDocumentParser.Parse(bytes, SingleDocumentParser.IsJson(displayName), "rule pack");
        if (error is not null) throw new RulePackException([new ConfigurationProblem(displayName, error.Line, error.Column, error.Message)]);
        var compiler = new Compiler(displayName, document?.Positions ?? []);
        return compiler.Compile(document?.Root);
    }

    private sealed class Compiler(string file, Dictionary<string, SourcePosition> positions)
    {
        private readonly List<ConfigurationProblem> problems = [];

        public List<PackRule> Compile(JsonNode? node)
        {
            if (node is not JsonObject root)
            {
                Problem(string.Empty, "A rule pack is a mapping with apiVersion: governance/v1, kind: RulePack and rules");
                throw new RulePackException(problems);
            }

            foreach (var problem in SchemaValidation.Validate(RulePackSchema.Schema, root, valuesIgnored: false))
                Problem(problem.Pointer, Explain(problem, root));
            if (problems.Count > 0) throw new RulePackException(problems);

            RulePackDocument pack;
            try
            {
                pack = root.Deserialize<RulePackDocument>(ArtifactSerialization.Options) ?? new RulePackDocument();
            }
            catch (JsonException ex)
            {
                Problem(string.Empty, $"The rule pack cannot be read: {ex.Message}");
                throw new RulePackException(problems);
            }

            var rules = new List<PackRule>();
            var declared = new Dictionary<string, string>(StringComparer.Ordinal);
            var list = pack.Rules ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var pointer = JsonPointer.Append("/rules", i);
                if (list[i] is not { } rule)
                {
                    Problem(pointer, "A rule must be a mapping with id, title, severity, appliesTo, conditions and message");
                    continue;
                }

                if (rule.Id is { } id && !declared.TryAdd(id, Where(JsonPointer.Append(pointer, "id"))))
                    Problem(JsonPointer.Append(pointer, "id"), $"Duplicate rule id {id}: already declared at {declared[id]}");
                if (CompileRule(rule, pointer, pack.Metadata) is { } compiled) rules.Add(compiled);
            }

            if (problems.Count > 0) throw new RulePackException(problems);
            return rules;
        }

        private PackRule? CompileRule(RulePackRuleDocument rule, string pointer, RulePackMetadata? metadata)
        {
            var count = problems.Count;
            string At(string name) => JsonPointer.Append(pointer, name);
            var id = Required(rule.Id, At("id"), "id");
            if (id is not null && id.StartsWith(ReservedPrefix, StringComparison.Ordinal))
                Problem(At("id"), $"Rule id {id} uses the prefix GOV, which belongs to the built-in catalog; give pack rules your own prefix, such as KES001");
            var title = Required(rule.Title, At("title"), "title");
            var text = Required(rule.Message, At("message"), "message");
            if (rule.Severity is null) Problem(pointer, "'severity' is required: error, warning or info");
            if (rule.Conditions is null) Problem(pointer, "'conditions' is required");
            if (!ArtifactKinds.TryGet(Required(rule.AppliesTo, At("appliesTo"), "appliesTo"), out var kind, out var recordType)) return null;

            var selectorText = rule.Selector ?? string.Empty;
            var selector = ValuePath.Parse(JsonPointer.Tokens(selectorText), FieldType.Of(recordType)!, allowWildcards: true, selectorText, out var selectorError);
            if (selector is null)
            {
                Problem(At("selector"), selectorError!);
                return null;
            }

            var filters = new List<(ValuePath, EnumCheck)>();
            foreach (var (name, value) in rule.Where ?? new Dictionary<string, object?>())
            {
                var wherePointer = JsonPointer.Append(At("where"), name);
                var path = ValuePath.Parse(name.Split('/'), selector.Type, allowWildcards: false, name, out var pathError);
                if (path is null) Problem(wherePointer, pathError!);
                else if (!path.Type.IsScalar) Problem(wherePointer, $"'where' compares single values, but '{name}' is {path.Type.Describe()}");
                else if (EnumCheck.Create(Allowed(value), path.Type, out var valueError) is { } allowed) filters.Add((path, allowed));
                else Problem(wherePointer, $"In where.{name}: {valueError}");
            }

            ValuePath? field = null;
            if (rule.Field is { } fieldText)
            {
                field = ValuePath.Parse(fieldText.Split('/'), selector.Type, allowWildcards: false, fieldText, out var fieldError);
                if (field is null) Problem(At("field"), fieldError!);
            }

            var checks = rule.Conditions is { } conditions && (field is not null || rule.Field is null)
                ? Checks(conditions, (field ?? selector).Type, rule.Field ?? (selectorText.Length == 0 ? "the artifact" : selectorText),
                    selectorText + "/" + (rule.Field is null ? string.Empty : rule.Field + "/") + "*", At("conditions"))
                : [];
            var message = text is null ? null : MessageTemplate.Compile(text, selector.Type, out var messageError) switch
            {
                { } compiled => compiled,
                null => Fail<MessageTemplate>(At("message"), messageError!),
            };
            if (problems.Count > count || id is null || title is null || message is null || rule.Severity is not { } severity) return null;

            var position = Position(At("id"));
            var descriptor = new RuleDescriptor(id, title, "{0}", rule.Category ?? metadata?.Category ?? DefaultCategory, severity switch
            {
                PackSeverity.Error => Severity.Error,
                PackSeverity.Warning => Severity.Warning,
                _ => Severity.Info,
            }, rule.Description ?? title)
            {
                HelpUri = rule.HelpUri ?? metadata?.HelpUri,
            };
            return new PackRule(descriptor, new PackRuleSource(file, position.Line, position.Column), kind, selector, filters, field, checks, message);
        }

        private List<PackCheck> Checks(RulePackConditions conditions, FieldType type, string shown, string elements, string pointer)
        {
            var checks = new List<PackCheck>();
            var before = problems.Count;
            string At(string name) => JsonPointer.Append(pointer, name);
            bool Applies(string name, bool fits, string what)
            {
                if (fits) return true;
                var hint = type.Shape == ValueShape.List ? $"; to check each element, select them: selector: {elements.Replace("//", "/", StringComparison.Ordinal)}" : string.Empty;
                Problem(At(name), $"'{name}' checks {what}, but '{shown}' is {type.Describe()}{hint}");
                return false;
            }

            if (conditions.Required == true) checks.Add(new RequiredCheck());
            if (conditions.NonEmpty == true) checks.Add(new NonEmptyCheck());
            if (conditions.Enum is { } values && Applies("enum", type.IsScalar, "a single value"))
            {
                if (EnumCheck.Create(values, type, out var problem) is { } check) checks.Add(check);
                else Problem(At("enum"), problem!);
            }

            if (conditions.Pattern is { } pattern && Applies("pattern", type.IsScalar, "a single value"))
            {
                try
                {
                    checks.Add(new PatternCheck(new Regex(pattern, RegexOptions.CultureInvariant, PatternCheck.MatchTimeout)));
                }
                catch (ArgumentException ex)
                {
                    Problem(At("pattern"), $"'{pattern}' is not a valid regular expression: {ex.Message}");
                }
            }

            var isNumber = type.Shape == ValueShape.Number;
            if (conditions.Min is { } min && Applies("min", isNumber, "a number")) checks.Add(new BoundCheck(min, isMin: true));
            if (conditions.Max is { } max && Applies("max", isNumber, "a number")) checks.Add(new BoundCheck(max, isMin: false));
            if (conditions is { Min: { } low, Max: { } high } && low > high) Problem(At("min"), $"min {low} is greater than max {high}, so every value fails");
            var isDate = type.Shape is ValueShape.Date or ValueShape.DateTime;
            foreach (var (name, bound, isLower) in new[] { ("notBefore", conditions.NotBefore, true), ("notAfter", conditions.NotAfter, false) })
            {
                if (bound is null || !Applies(name, isDate, "a date")) continue;
                if (DateBoundCheck.Create(bound, isLower) is { } check) checks.Add(check);
                else Problem(At(name), $"'{bound}' is not a date: use today, today+N, today-N or YYYY-MM-DD");
            }

            if (conditions.Reference is { } target && Applies("reference", type.Shape == ValueShape.Text, "an id (a string)"))
            {
                if (ReferenceCheck.IsKnown(target)) checks.Add(new ReferenceCheck(target));
                else Problem(At("reference"), $"Unknown reference target '{target}'");
            }

            if (checks.Count == 0 && problems.Count == before)
                Problem(pointer, "The rule has no condition that can fail (required and nonEmpty are false); give it at least one");
            return checks;
        }

        private static IEnumerable<object?> Allowed(object? value) =>
            value is JsonElement { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Cast<object?>() : [value];

        private string? Required(string? value, string pointer, string name)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value;
            Problem(pointer, $"'{name}' is required");
            return null;
        }

        private T? Fail<T>(string pointer, string message)
            where T : class
        {
            Problem(pointer, message);
            return null;
        }

        /// <summary>A schema problem in the pack's words: the forms of ids, selectors, fields and date bounds, and likely kinds.</summary>
        private static string Explain(SchemaProblem problem, JsonObject root)
        {
            var tokens = JsonPointer.Tokens(problem.Pointer);
            var name = tokens.Count > 0 ? tokens[^1] : string.Empty;
            var value = SchemaValidation.Find(root, problem.Pointer);
            var shown = SchemaValidation.Show(value);
            if (problem.Kind == NJsonSchema.Validation.ValidationErrorKind.PatternMismatch)
            {
                return name switch
                {
                    "id" => $"Rule id {shown} must be 2-10 capital letters and 3-4 digits, such as KES001",
                    "selector" => $"'selector' must be a JSON pointer such as /spec/items/* (field names, indexes and * after each '/'), not {shown}",
                    "field" => $"'field' must be a path below the selected object such as owner or userStory/asA (no leading '/', no '*'), not {shown}",
                    "notBefore" or "notAfter" => $"'{name}' must be today, today+N, today-N (N days) or a date YYYY-MM-DD, not {shown}",
                    _ => problem.Message,
                };
            }

            if (problem.Kind == NJsonSchema.Validation.ValidationErrorKind.NotInEnumeration && name is "appliesTo" or "reference"
                && value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                var names = name == "appliesTo" ? ArtifactKinds.Names : [.. ArtifactKinds.Names, RulePackSchema.Person, RulePackSchema.AnyArtifact];
                var suggestion = Text.Suggestions.Closest(text, names);
                return $"Unknown {(name == "appliesTo" ? "artifact kind" : "reference target")} '{text}'"
                    + (suggestion is null ? $"; use one of {string.Join(", ", names)}" : $" (did you mean '{suggestion}'?)");
            }

            return problem.Message;
        }

        private string Where(string pointer)
        {
            var position = Position(pointer);
            return position.Line > 0 ? $"line {position.Line}" : "an earlier rule";
        }

        private SourcePosition Position(string pointer) => positions.NearestTo(pointer);

        private void Problem(string pointer, string message)
        {
            var position = Position(pointer);
            problems.Add(new ConfigurationProblem(file, position.Line, position.Column, message));
        }
    }
}
