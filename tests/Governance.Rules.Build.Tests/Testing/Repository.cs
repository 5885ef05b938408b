namespace Governance.Rules.Build.Tests.Testing;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding Governance.Rules.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The sample solution of the build integration.</summary>
    public static string Sample => Path.Combine(Root, "samples", "BuildIntegration");

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>, leaving out bin and obj folders.</summary>
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(folder);
            if (name is "bin" or "obj") continue;
            Copy(folder, Path.Combine(target, name));
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Governance.Rules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("Governance.Rules.sln not found above the test directory.");
    }
}
