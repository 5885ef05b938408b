using System.CommandLine;
using System.Text;
using Governance.Rules.Configuration;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Cli.Commands;

/// <summary>
/// <c>govern schema [--output DIR]</c>: writes the JSON Schema of every artifact kind (<c>Roadmap.schema.json</c>, ...)
/// of <c>governance.yaml</c> (<c>GovernanceConfig.schema.json</c>) and of rule packs (<c>RulePack.schema.json</c>), for editors
/// and the YAML language server.
/// </summary>
internal static class SchemaCommand
{
    private const string Extension = ".schema.json";

    public static Command Create(CliEnvironment environment)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the schemas to (created when missing).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "schemas",
        };
        var command = new Command("schema", "Write the JSON Schemas of the artifact kinds, of governance.yaml and of rule packs.") { output };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(output), environment));
        return command;
    }

    private static int Run(string output, CliEnvironment environment)
    {
        var folder = environment.FullPath(output);
        var schemas = new List<(string FileName, Func<string> Json)>();
        foreach (var name in ArtifactKinds.Names)
        {
            ArtifactKinds.TryGet(name, out var kind, out _);
            schemas.Add((name + Extension, () => ArtifactSchemas.ToJson(kind)));
        }

        schemas.Add((GovernanceConfigSchema.FileName, GovernanceConfigSchema.ToJson));
        schemas.Add((Governance.Rules.RulePacks.RulePackSchema.FileName, Governance.Rules.RulePacks.RulePackSchema.ToJson));
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (fileName, json) in schemas)
            {
                var path = Path.Combine(folder, fileName);
                File.WriteAllText(path, json().ReplaceLineEndings("\n") + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                environment.Out.WriteLine(environment.DisplayPath(path));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"govern schema: cannot write to {output}: {ex.Message}");
            return ExitCodes.InvalidInvocation;
        }

        return ExitCodes.Success;
    }
}
