using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Tests.Testing;

/// <summary>A temporary folder with files a test writes, where <c>govern</c> runs in-process as if started there.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string root) => Root = root;

    public string Root { get; }

    /// <summary>
    /// A new empty folder. With <paramref name="focusOnGov401"/> it holds a <c>governance.yaml</c> that switches off every
    /// built-in rule but GOV401, so the CLI's own behaviour (formats, exit codes, locations) is tested on small documents
    /// without the rest of the catalog; the catalog itself is tested in Governance.Rules.Tests.
    /// </summary>
    public static Workspace Create(bool focusOnGov401 = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "govern-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var workspace = new Workspace(root);
        if (focusOnGov401) workspace.Write("governance.yaml", FocusedConfiguration());
        return workspace;
    }

    /// <summary>A configuration whose <c>rules</c> switch off every built-in rule but GOV401, followed by <paramref name="more"/>.</summary>
    public static string FocusedConfiguration(string more = "") =>
        "apiVersion: governance/v1\nkind: GovernanceConfig\n" + more + (more.Length == 0 || more.EndsWith('\n') ? string.Empty : "\n") +
        "rules:\n" + string.Concat(Governance.Rules.Rules.BuiltInRules.Types
            .Select(t => t.Name)
            .Where(id => id != "GOV401")
            .Select(id => $"  {id}: none\n"));

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="relativePath"/>, creating folders.</summary>
    public Workspace Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>Runs <c>govern</c> with <paramref name="args"/> in this folder.</summary>
    public async Task<CliRun> RunAsync(params string[] args) => await RunAsync(null, args);

    /// <summary>Runs <c>govern</c> with <paramref name="args"/> in this folder, with extra services (test rules).</summary>
    public Task<CliRun> RunAsync(Action<IServiceCollection>? configureServices, params string[] args) =>
        RunAsync(configureServices, CancellationToken.None, args);

    /// <summary>Runs <c>govern</c> with <paramref name="args"/> in this folder, cancelled by <paramref name="cancellationToken"/>.</summary>
    public async Task<CliRun> RunAsync(Action<IServiceCollection>? configureServices, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(stdout, stderr) { WorkingDirectory = Root, ConfigureServices = configureServices };
        var exitCode = await GovernCli.RunAsync(args, environment, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

/// <summary>What one <c>govern</c> run gave: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Standard output split into lines, without the final empty one.</summary>
    public IReadOnlyList<string> Lines => StdOut.Split('\n') is { Length: > 0 } lines && lines[^1].Length == 0 ? lines[..^1] : StdOut.Split('\n');

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}--- stderr\n{StdErr}";
}
