using NJsonSchema;

namespace Governance.Rules.Cli.Tests.Testing;

/// <summary>The official SARIF 2.1.0 schema (Resources/sarif-schema-2.1.0.json) and validation against it.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Resources", "sarif-schema-2.1.0.json"))));

    /// <summary>The schema errors of <paramref name="sarif"/>, as readable lines; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string sarif)
    {
        var schema = await Schema.Value;
        return [.. schema.Validate(sarif).Select(error => error.ToString())];
    }
}
