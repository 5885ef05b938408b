using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Text;

namespace Governance.Rules.Configuration;

/// <summary>
/// Finds, reads and validates <c>governance.yaml</c> (SPEC §E, §H): an unknown key, rule id or option, or a value of the
/// wrong type, is an error naming the file, line and key, with a "did you mean" for unknown names.
/// </summary>
internal static class GovernanceConfigurationLoader
{
    /// <summary>The file name searched for.</summary>
    public const string FileName = "governance.yaml";

    private static readonly string[] TopLevelKeys = ["apiVersion", "kind", "asOf", "timeZone", "failOn", "rules", "overrides", "exemptions", "baseline", "scores"];
    private static readonly string[] ScoreKeys = ["weights", "rules"];
    private static readonly string[] WeightKeys = ["error", "warning", "info"];
    private static readonly string[] RuleEntryKeys = ["severity", "enabled", "enforceFrom", "options"];
    private static readonly string[] OverrideKeys = ["files", "rules"];
    private static readonly string[] ExemptionKeys = ["rule", "artifact", "pointer", "justification", "owner", "expires"];

    /// <summary>The <c>governance.yaml</c> in the folder of <paramref name="firstPath"/> (or the folder itself) or above it, if any.</summary>
    public static string? Find(string firstPath, string workingDirectory)
    {
        var full = Path.GetFullPath(firstPath, workingDirectory);
        var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        for (var current = folder is null ? null : new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>Reads and validates a configuration file against the rules that will run.</summary>
    /// <exception cref="GovernanceConfigurationException">The file cannot be read or is not valid.</exception>
    public static GovernanceConfiguration Load(string path, IEnumerable<GovernanceRule> rules, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rules);
        workingDirectory = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var fullPath = Path.GetFullPath(path, workingDirectory);
        var display = Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GovernanceConfigurationException([new ConfigurationProblem(display, 0, 0, $"The configuration file cannot be read: {ex.Message}")]);
        }

        var (document, error) = SingleDocumentParser.Parse(bytes, SingleDocumentParser.IsJson(fullPath), "configuration file");
        if (error is not null) throw new GovernanceConfigurationException([new ConfigurationProblem(display, error.Line, error.Column, error.Message)]);
        var root = document?.Root ?? new JsonObject();
        var validator = new Validator(display, document?.Positions ?? [], Path.GetDirectoryName(fullPath)!, rules);
        return validator.Validate(root) with { File = fullPath };
    }

    /// <summary>Validates a configuration built in memory exactly like a file (relative paths are taken from <paramref name="baseDirectory"/>).</summary>
    /// <exception cref="GovernanceConfigurationException">The configuration is not valid.</exception>
    public static GovernanceConfiguration FromDocument(GovernanceConfigDocument document, IEnumerable<GovernanceRule> rules, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        var root = JsonSerializer.SerializeToNode(document, ConfigSerialization) ?? new JsonObject();
        var validator = new Validator(null, [], Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory()), rules);
        return validator.Validate(root);
    }

    private static readonly JsonSerializerOptions ConfigSerialization = new(ArtifactSerialization.Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        DictionaryKeyPolicy = null, // rule ids and option names are written as they are
    };

    private sealed class Validator(string? file, Dictionary<string, SourcePosition> positions, string baseDirectory, IEnumerable<GovernanceRule> ruleList)
    {
        private readonly List<ConfigurationProblem> problems = [];
        private readonly Dictionary<string, GovernanceRule?> rules = BuildCatalog(ruleList);

        public GovernanceConfiguration Validate(JsonNode root)
        {
            if (root is not JsonObject top)
            {
                Problem(string.Empty, "The configuration must be a mapping with keys such as rules, overrides and exemptions");
                throw new GovernanceConfigurationException(problems);
            }

            CheckKeys(top, string.Empty, TopLevelKeys, "key");
            if (Text(top, "apiVersion", string.Empty) is { } apiVersion && apiVersion != ArtifactKinds.ApiVersion)
                Problem("/apiVersion", $"apiVersion must be '{ArtifactKinds.ApiVersion}', not '{apiVersion}'");
            if (Text(top, "kind", string.Empty) is { } kind && kind != ArtifactKinds.ConfigKind)
                Problem("/kind", $"kind must be '{ArtifactKinds.ConfigKind}', not '{kind}'");
            var asOf = Date(top, "asOf", string.Empty);
            TimeZoneInfo? zone = null;
            if (Text(top, "timeZone", string.Empty) is { } zoneId)
            {
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
                    Problem("/timeZone", $"Unknown time zone '{zoneId}'; use an IANA name such as Europe/Berlin or UTC");
            }

            ConfiguredSeverity? failOn = Text(top, "failOn", string.Empty) is { } failOnText ? SeverityValue(failOnText, "/failOn", allowNone: true) : null;
            var ruleSettings = RuleMap(top["rules"], "/rules");
            var overrides = new List<RuleOverride>();
            if (top["overrides"] is { } overridesNode)
            {
                if (overridesNode is not JsonArray overrideList) Problem("/overrides", "overrides must be a list of {files, rules}");
                else
                {
                    for (var i = 0; i < overrideList.Count; i++)
                    {
                        var pointer = JsonPointer.Append("/overrides", i);
                        if (overrideList[i] is not JsonObject entry)
                        {
                            Problem(pointer, "Each override must be a mapping with files and rules");
                            continue;
                        }

                        CheckKeys(entry, pointer, OverrideKeys, "override key");
                        var globs = StringList(entry["files"], JsonPointer.Append(pointer, "files"));
                        if (globs.Count == 0) Problem(pointer, "An override needs files: a list of globs relative to the configuration file");
                        foreach (var glob in globs)
                        {
                            if (string.IsNullOrWhiteSpace(glob) || Path.IsPathRooted(glob) || glob.Split('/').Contains(".."))
                                Problem(JsonPointer.Append(pointer, "files"), $"Invalid glob '{glob}': use a pattern relative to the configuration file, such as projects/legacy-*/**");
                        }

                        overrides.Add(new RuleOverride { Files = globs, BaseDirectory = baseDirectory, Rules = RuleMap(entry["rules"], JsonPointer.Append(pointer, "rules")) });
                    }
                }
            }

            var exemptions = new List<ExemptionSettings>();
            if (top["exemptions"] is { } exemptionsNode)
            {
                if (exemptionsNode is not JsonArray exemptionList) Problem("/exemptions", "exemptions must be a list");
                else
                {
                    for (var i = 0; i < exemptionList.Count; i++)
                    {
                        var pointer = JsonPointer.Append("/exemptions", i);
                        if (exemptionList[i] is not JsonObject entry)
                        {
                            Problem(pointer, "Each exemption must be a mapping with rule, artifact, justification, owner and expires");
                            continue;
                        }

                        CheckKeys(entry, pointer, ExemptionKeys, "exemption key");
                        var rule = Text(entry, "rule", pointer);
                        var artifact = Text(entry, "artifact", pointer);
                        if (rule is null) Problem(pointer, "An exemption needs a rule");
                        else CheckRuleId(rule, JsonPointer.Append(pointer, "rule"));
                        if (artifact is null) Problem(pointer, "An exemption needs an artifact id");
                        var exemptedPointer = Text(entry, "pointer", pointer);
                        if (exemptedPointer is not null && exemptedPointer.Length > 0 && exemptedPointer[0] != '/')
                            Problem(JsonPointer.Append(pointer, "pointer"), $"'{exemptedPointer}' is not a JSON pointer; it starts with '/', such as /spec/uat");
                        var position = Position(pointer);
                        exemptions.Add(new ExemptionSettings
                        {
                            Rule = rule ?? string.Empty,
                            Artifact = artifact ?? string.Empty,
                            Pointer = exemptedPointer,
                            Justification = Text(entry, "justification", pointer),
                            Owner = Text(entry, "owner", pointer),
                            Expires = Date(entry, "expires", pointer),
                            Location = file is null ? null : new ConfigurationLocation(file, pointer, position.Line, position.Column),
                        });
                    }
                }
            }

            var baseline = Text(top, "baseline", string.Empty);
            var scores = Scores(top["scores"]);
            if (problems.Count > 0) throw new GovernanceConfigurationException(problems);
            return new GovernanceConfiguration
            {
                AsOf = asOf,
                TimeZone = zone,
                FailOn = failOn,
                Rules = ruleSettings,
                Overrides = overrides,
                Exemptions = exemptions,
                BaselineFile = baseline is null ? null : Path.GetFullPath(baseline, baseDirectory),
                Scores = scores,
            };
        }

        /// <summary>The <c>scores</c> key: <c>{ weights: { error, warning, info }, rules: { GOVnnn: points } }</c>.</summary>
        private Reporting.ScoreWeights? Scores(JsonNode? node)
        {
            const string pointer = "/scores";
            if (node is null) return null;
            if (node is not JsonObject map)
            {
                Problem(pointer, "scores must be a mapping with weights (error, warning, info) and rules (rule id to points)");
                return null;
            }

            CheckKeys(map, pointer, ScoreKeys, "key of scores");
            var weights = Reporting.ScoreWeights.Default;
            if (map["weights"] is { } weightsNode)
            {
                var weightsPointer = JsonPointer.Append(pointer, "weights");
                if (weightsNode is not JsonObject weightMap) Problem(weightsPointer, "scores.weights must map error, warning and info to points");
                else
                {
                    CheckKeys(weightMap, weightsPointer, WeightKeys, "severity of scores.weights");
                    weights = weights with
                    {
                        Error = Points(weightMap, "error", weightsPointer) ?? weights.Error,
                        Warning = Points(weightMap, "warning", weightsPointer) ?? weights.Warning,
                        Info = Points(weightMap, "info", weightsPointer) ?? weights.Info,
                    };
                }
            }

            if (map["rules"] is { } rulesNode)
            {
                var rulesPointer = JsonPointer.Append(pointer, "rules");
                var ruleWeights = new Dictionary<string, int>(StringComparer.Ordinal);
                if (rulesNode is not JsonObject ruleMap) Problem(rulesPointer, "scores.rules must map rule ids to points");
                else
                {
                    foreach (var (id, _) in ruleMap)
                    {
                        if (!CheckRuleId(id, JsonPointer.Append(rulesPointer, id))) continue;
                        if (Points(ruleMap, id, rulesPointer) is { } points) ruleWeights[id] = points;
                    }
                }

                weights = weights with { Rules = ruleWeights };
            }

            return weights;
        }

        /// <summary>A score weight: a whole number from 0 to 100.</summary>
        private int? Points(JsonObject map, string name, string pointer)
        {
            var node = map[name];
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
            {
                decimal? number = value.TryGetValue<decimal>(out var d) ? d
                    : value.TryGetValue<int>(out var i) ? i
                    : value.TryGetValue<long>(out var l) ? l
                    : value.TryGetValue<double>(out var r) && double.IsFinite(r) ? (decimal)r : null;
                if (number is { } points && points == decimal.Floor(points) && points is >= 0 and <= 100) return (int)points;
            }

            Problem(JsonPointer.Append(pointer, name), $"The score weight of {name} must be a whole number from 0 to 100, not {SchemaValidation.Show(node)}");
            return null;
        }

        private Dictionary<string, RuleSettings> RuleMap(JsonNode? node, string pointer)
        {
            var result = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
            if (node is null) return result;
            if (node is not JsonObject map)
            {
                Problem(pointer, "rules must map rule ids to a severity or to {severity, enabled, enforceFrom, options}");
                return result;
            }

            foreach (var (id, value) in map)
            {
                var entryPointer = JsonPointer.Append(pointer, id);
                if (!CheckRuleId(id, entryPointer)) continue;
                var rule = rules[id];
                var isEngine = rule is null;
                switch (value)
                {
                    case null:
                        break;
                    case JsonValue scalar when scalar.TryGetValue<string>(out var severityText):
                        result[id] = ToSettings(SeverityValue(severityText, entryPointer, allowNone: !isEngine, id), null, null, null);
                        break;
                    case JsonObject entry:
                        CheckKeys(entry, entryPointer, RuleEntryKeys, $"key of {id}");
                        var severity = Text(entry, "severity", entryPointer) is { } s ? SeverityValue(s, JsonPointer.Append(entryPointer, "severity"), allowNone: !isEngine, id) : null;
                        bool? enabled = null;
                        if (entry["enabled"] is { } enabledNode)
                        {
                            if (enabledNode is JsonValue v && v.TryGetValue<bool>(out var flag)) enabled = flag;
                            else Problem(JsonPointer.Append(entryPointer, "enabled"), $"enabled of {id} must be true or false");
                            if (isEngine && enabled == false) Problem(JsonPointer.Append(entryPointer, "enabled"), $"{id} is an engine diagnostic and cannot be disabled");
                        }

                        var enforceFrom = Date(entry, "enforceFrom", entryPointer);
                        JsonElement? options = null;
                        if (entry["options"] is { } optionsNode) options = Options(id, rule, optionsNode, JsonPointer.Append(entryPointer, "options"));
                        result[id] = ToSettings(severity, enabled, enforceFrom, options);
                        break;
                    default:
                        Problem(entryPointer, $"{id} must be a severity (error, warning, info, none) or a mapping with severity, enabled, enforceFrom and options");
                        break;
                }
            }

            return result;
        }

        private static RuleSettings ToSettings(ConfiguredSeverity? severity, bool? enabled, DateOnly? enforceFrom, JsonElement? options) => new()
        {
            Severity = severity switch
            {
                ConfiguredSeverity.Error => Severity.Error,
                ConfiguredSeverity.Warning => Severity.Warning,
                ConfiguredSeverity.Info => Severity.Info,
                _ => null,
            },
            // A severity switches the rule on (so an override can re-enable what the top level turned off); none turns it off.
            Enabled = severity == ConfiguredSeverity.None ? false : enabled ?? (severity is null ? null : true),
            EnforceFrom = enforceFrom,
            Options = options,
        };

        private JsonElement? Options(string id, GovernanceRule? rule, JsonNode node, string pointer)
        {
            if (node is not JsonObject map)
            {
                Problem(pointer, $"options of {id} must be a mapping of option names to values");
                return null;
            }

            var properties = rule is null || rule.OptionsType == typeof(NoOptions)
                ? []
                : rule.OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                    .ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.Ordinal);
            foreach (var (name, value) in map)
            {
                var optionPointer = JsonPointer.Append(pointer, name);
                if (!properties.TryGetValue(name, out var property))
                {
                    var suggestion = Suggestions.Closest(name, properties.Keys);
                    Problem(optionPointer, properties.Count == 0
                        ? $"{id} has no options, so '{name}' is unknown"
                        : $"Unknown option '{name}' of {id}" + (suggestion is null ? $"; its options are {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}" : $" (did you mean '{suggestion}'?)"));
                    continue;
                }

                try
                {
                    if (value is null) throw new JsonException("null");
                    value.Deserialize(property.PropertyType, ArtifactSerialization.Options);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
                {
                    Problem(optionPointer, $"Option '{name}' of {id} must be {Describe(property.PropertyType)}, not {SchemaValidation.Show(value)}");
                }
            }

            return JsonSerializer.SerializeToElement(map, ArtifactSerialization.Options);
        }

        private static string Describe(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(int) || type == typeof(long)) return "a whole number";
            if (type == typeof(decimal) || type == typeof(double)) return "a number";
            if (type == typeof(bool)) return "true or false";
            if (type == typeof(string)) return "a string";
            if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
            if (type.IsGenericType && type.GetGenericArguments() is [var element]) return "a list of " + Describe(element).Replace("a ", string.Empty, StringComparison.Ordinal).Replace("one of", "values among", StringComparison.Ordinal);
            return "a " + type.Name;
        }

        private bool CheckRuleId(string id, string pointer)
        {
            if (rules.ContainsKey(id)) return true;
            var suggestion = Suggestions.Closest(id, rules.Keys);
            Problem(pointer, $"Unknown rule '{id}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
            return false;
        }

        private ConfiguredSeverity? SeverityValue(string text, string pointer, bool allowNone, string? ruleId = null)
        {
            switch (text)
            {
                case "error": return ConfiguredSeverity.Error;
                case "warning": return ConfiguredSeverity.Warning;
                case "info": return ConfiguredSeverity.Info;
                case "none" when allowNone: return ConfiguredSeverity.None;
                case "none":
                    Problem(pointer, $"{ruleId} is an engine diagnostic: its severity can be error, warning or info, never none");
                    return null;
                default:
                    var suggestion = Suggestions.Closest(text, allowNone ? ["error", "warning", "info", "none"] : ["error", "warning", "info"]);
                    Problem(pointer, $"'{text}' is not a severity; use error, warning, info" + (allowNone ? " or none" : string.Empty) + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
                    return null;
            }
        }

        private void CheckKeys(JsonObject obj, string pointer, string[] known, string what)
        {
            foreach (var (name, _) in obj)
            {
                if (known.Contains(name, StringComparer.Ordinal)) continue;
                var suggestion = Suggestions.Closest(name, known);
                Problem(JsonPointer.Append(pointer, name), $"Unknown {what} '{name}'" + (suggestion is null ? $"; expected one of {string.Join(", ", known)}" : $" (did you mean '{suggestion}'?)"));
            }
        }

        private string? Text(JsonObject obj, string name, string pointer)
        {
            var node = obj[name];
            if (node is null) return null;
            if (node is JsonValue v && v.TryGetValue<string>(out var text)) return string.IsNullOrWhiteSpace(text) ? null : text;
            Problem(JsonPointer.Append(pointer, name), $"'{name}' must be a string, not {SchemaValidation.Show(node)}");
            return null;
        }

        private DateOnly? Date(JsonObject obj, string name, string pointer)
        {
            var text = Text(obj, name, pointer);
            if (text is null) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Problem(JsonPointer.Append(pointer, name), $"'{name}' must be a date (YYYY-MM-DD), not '{text}'");
            return null;
        }

        private List<string> StringList(JsonNode? node, string pointer)
        {
            switch (node)
            {
                case null: return [];
                case JsonValue v when v.TryGetValue<string>(out var single): return [single];
                case JsonArray array:
                    var result = new List<string>();
                    foreach (var item in array)
                    {
                        if (item is JsonValue iv && iv.TryGetValue<string>(out var text)) result.Add(text);
                        else Problem(pointer, $"Expected a list of strings, found {SchemaValidation.Show(item)}");
                    }

                    return result;
                default:
                    Problem(pointer, "Expected a list of strings");
                    return [];
            }
        }

        private SourcePosition Position(string pointer) => positions.NearestTo(pointer);

        private void Problem(string pointer, string message)
        {
            var position = Position(pointer);
            problems.Add(new ConfigurationProblem(file, position.Line, position.Column, message));
        }

        private static Dictionary<string, GovernanceRule?> BuildCatalog(IEnumerable<GovernanceRule> rules)
        {
            var catalog = EngineDiagnostics.All.ToDictionary(d => d.Id, _ => (GovernanceRule?)null, StringComparer.Ordinal);
            foreach (var rule in rules) catalog[rule.Descriptor.Id] = rule;
            return catalog;
        }
    }
}
