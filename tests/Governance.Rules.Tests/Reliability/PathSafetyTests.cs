using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Reliability;

[TestFixture]
[Category("Reliability")]
public sealed class PathSafetyTests
{
    [TestCase("gov")]
    [TestCase("./gov/")]
    [TestCase("gov/../gov")]
    [TestCase("gov/deeper/../")]
    public void Report_paths_of_a_folder_under_the_working_directory_never_escape_it(string argument)
    {
        var root = Directory.CreateTempSubdirectory("govern-paths-");
        try
        {
            var gov = Directory.CreateDirectory(Path.Combine(root.FullName, "gov", "deeper"));
            File.WriteAllText(Path.Combine(root.FullName, "gov", "plan.yaml"), "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: p}\nspec: {}\n");
            File.WriteAllText(Path.Combine(gov.FullName, "broken.json"), "{\"kind\": ");
            File.WriteAllText(Path.Combine(gov.FullName, "..odd..name.yaml"), "apiVersion: governance/v1\nkind: Nope\n");
            var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

            var result = engine.AnalyzePaths([argument], new AnalysisOptions
            {
                AsOf = new DateOnly(2026, 11, 1),
                Load = new LoadOptions { WorkingDirectory = root.FullName },
            });

            var files = result.Findings.Select(f => f.File).Concat(result.ArtifactFiles).OfType<string>().Distinct().ToList();
            files.Should().Contain(["gov/plan.yaml", "gov/deeper/broken.json", "gov/deeper/..odd..name.yaml"]);
            files.Should().AllSatisfy(f =>
            {
                f.Should().NotStartWith("/").And.NotContain("\\").And.NotContain(":");
                f.Split('/').Should().NotContain(".."); // a file name may contain "..", a path segment may not
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
