using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Governance.Rules.Package.Tests;

/// <summary>
/// What a customer gets: the packed Governance.Rules and Governance.Rules.Testing packages (metadata, readme, embedded
/// symbols) and samples/HostApp built against them from a package folder, never a project reference. Each run packs a
/// unique prerelease version, so no stale package in the NuGet cache can stand in for the code under test.
/// </summary>
[TestFixture]
[Category("Package")]
[NonParallelizable]
public sealed class PackageTests
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    private string root = null!;
    private string work = null!;
    private string feed = null!;
    private string version = null!;

    [OneTimeSetUp]
    public void PackBothPackages()
    {
        root = FindRoot();
        work = Directory.CreateTempSubdirectory("govern-package-").FullName;
        feed = Path.Combine(work, "feed");
        version = $"1.0.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Guid.NewGuid().ToString("N")[..8]}";
        foreach (var project in new[] { "src/Governance.Rules/Governance.Rules.csproj", "src/Governance.Rules.Testing/Governance.Rules.Testing.csproj" })
        {
            var pack = DotNet.Run(root, "pack", Path.Combine(root, project), "-c", "Release", "-o", feed, $"-p:Version={version}");
            pack.ExitCode.Should().Be(0, pack.Describe($"dotnet pack {project}"));
        }
    }

    [OneTimeTearDown]
    public void RemoveThePackagesOfThisRun()
    {
        if (work is not null && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "governance.rules", "governance.rules.testing" })
        {
            var folder = Path.Combine(cache, id, version ?? "none");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_sample_host_app_builds_against_the_package_and_prints_built_in_custom_and_rule_pack_findings()
    {
        // A copy outside the repository: only the package folder given here, no project reference, no repository props.
        var app = Path.Combine(work, "HostApp");
        Directory.CreateDirectory(app);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "HostApp")).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));

        var build = DotNet.Run(app, "build", "HostApp.csproj", "-c", "Release", "-o", Path.Combine(work, "out"),
            $"-p:GovernanceRulesVersion={version}", $"-p:RestoreAdditionalProjectSources={feed}");
        build.ExitCode.Should().Be(0, build.Describe("dotnet build samples/HostApp"));
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        assets.Should().Contain($"\"Governance.Rules/{version}\"", "the sample must use the package packed by this test");

        var run = DotNet.Run(app, Path.Combine(work, "out", "HostApp.dll"));

        run.ExitCode.Should().Be(0, run.Describe("HostApp"));
        var report = run.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        report.Should().StartWith("## Governance report: ");
        report.Should().Contain($"govern {version}", "the report names the packed library's version");
        report.Should().Contain("| error | [GOV401](https://github.com/governance-rules/governance-rules/blob/main/rules/GOV401.md) | plan-crm-upgrade |",
            "the built-in catalog runs on the in-memory plan without a risk register");
        report.Should().Contain("| warning | [GOV950](https://pmo.example.com/policies/GOV950) | crm-upgrade |  | Project 'crm-upgrade' has no sponsor;",
            "the custom rule registered through AddRule<T>() reports like a built-in one");
        report.Should().NotContain("data-lake |  | Project 'data-lake' has no sponsor", "the project with a sponsor passes the custom rule");
        report.Should().Contain("| warning | [PMO001](https://pmo.example.com/policies/) | data-lake |",
            "the rule pack registered through AddRulePack(path) reports like a built-in rule");
        report.Should().Contain("Project 'data-lake' has a planId that is required; link the project plan the portal approved");
        report.Should().NotContain("crm-upgrade |  | Project 'crm-upgrade' has a planId", "the project whose plan resolves passes the pack rule");
        report.Should().NotContain("GOV009", "no rule failed");
    }

    [Test]
    public void Governance_Rules_package_carries_its_metadata_readme_and_embedded_symbols()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"Governance.Rules.{version}.nupkg"));
        var metadata = Metadata(package, "Governance.Rules.nuspec");

        metadata.Element(Nuspec + "id")!.Value.Should().Be("Governance.Rules");
        metadata.Element(Nuspec + "version")!.Value.Should().Be(version);
        metadata.Element(Nuspec + "license")!.Should().Match<XElement>(l => l.Attribute("type")!.Value == "expression" && l.Value == "MIT");
        metadata.Element(Nuspec + "description")!.Value.Should().NotBeNullOrWhiteSpace();
        metadata.Element(Nuspec + "tags")!.Value.Should().Contain("governance");
        metadata.Element(Nuspec + "readme")!.Value.Should().Be("PACKAGE.md");
        Text(package, "PACKAGE.md").Should().Contain("AddGovernanceRules").And.Contain("Governance.Rules.Testing");
        var repository = metadata.Element(Nuspec + "repository")!;
        repository.Attribute("type")!.Value.Should().Be("git");
        repository.Attribute("url")!.Value.Should().Be("https://github.com/governance-rules/governance-rules");
        repository.Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$", "the package records the commit it was built from");
        metadata.Element(Nuspec + "dependencies")!.Descendants(Nuspec + "dependency").Select(d => d.Attribute("id")!.Value)
            .Should().Contain(["Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "YamlDotNet"]);

        package.Entries.Select(e => e.FullName).Should().Contain(["lib/net10.0/Governance.Rules.dll", "lib/net10.0/Governance.Rules.xml"]);
        AssertEmbeddedPdbWithSources(package, "lib/net10.0/Governance.Rules.dll", "GovernanceEngine.cs");
    }

    [Test]
    public void Testing_package_depends_on_the_same_Governance_Rules_version()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"Governance.Rules.Testing.{version}.nupkg"));
        var metadata = Metadata(package, "Governance.Rules.Testing.nuspec");

        metadata.Element(Nuspec + "license")!.Value.Should().Be("MIT");
        metadata.Element(Nuspec + "readme")!.Value.Should().Be("PACKAGE.md");
        Text(package, "PACKAGE.md").Should().Contain("RuleTester.Run");
        metadata.Element(Nuspec + "dependencies")!.Descendants(Nuspec + "dependency")
            .Should().Contain(d => d.Attribute("id")!.Value == "Governance.Rules" && d.Attribute("version")!.Value == version);
        AssertEmbeddedPdbWithSources(package, "lib/net10.0/Governance.Rules.Testing.dll", "RuleTester.cs");
    }

    private static XElement Metadata(ZipArchive package, string nuspec) =>
        XDocument.Parse(Text(package, nuspec)).Root!.Element(Nuspec + "metadata")!;

    private static string Text(ZipArchive package, string entry)
    {
        using var reader = new StreamReader((package.GetEntry(entry) ?? throw new AssertionException($"{entry} is not in the package")).Open());
        return reader.ReadToEnd();
    }

    /// <summary>The assembly carries its portable PDB (debuggable without a symbol server) listing the source files.</summary>
    private static void AssertEmbeddedPdbWithSources(ZipArchive package, string assembly, string expectedDocument)
    {
        using var buffer = new MemoryStream();
        using (var stream = (package.GetEntry(assembly) ?? throw new AssertionException($"{assembly} is not in the package")).Open()) stream.CopyTo(buffer);
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var embedded = pe.ReadDebugDirectory().Where(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
        embedded.Should().ContainSingle($"{assembly} embeds its PDB (DebugType embedded)");
        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
        var reader = pdb.GetMetadataReader();
        reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).Should().Contain(n => n.EndsWith(expectedDocument, StringComparison.Ordinal));
        pe.ReadDebugDirectory().Should().Contain(e => e.Type == DebugDirectoryEntryType.Reproducible, "builds are deterministic");
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
