using Governance.Rules.Build.EditorConfig;

namespace Governance.Rules.Build.Tests;

[TestFixture]
public sealed class EditorConfigGlobTests
{
    [TestCase("*.yaml", "plan.yaml", true)]
    [TestCase("*.yaml", "governance/projects/plan.yaml", true, Description = "a glob without '/' matches the file name at any depth")]
    [TestCase("*.yaml", "plan.yml", false)]
    [TestCase("governance/*.yaml", "governance/plan.yaml", true)]
    [TestCase("governance/*.yaml", "governance/projects/plan.yaml", false, Description = "'*' does not cross folders")]
    [TestCase("governance/*.yaml", "src/governance/plan.yaml", false, Description = "a glob with '/' is anchored at the .editorconfig's folder")]
    [TestCase("/governance/**.yaml", "governance/projects/plan.yaml", true)]
    [TestCase("**/governance/**.{yaml,yml,json}", "Billing/governance/backlog.json", true)]
    [TestCase("**/governance/**.{yaml,yml,json}", "governance/a/b/plan.yml", true)]
    [TestCase("**/governance/**.{yaml,yml,json}", "Billing/docs/plan.yaml", false)]
    [TestCase("plan-?.yaml", "plan-a.yaml", true)]
    [TestCase("plan-?.yaml", "plan-ab.yaml", false)]
    [TestCase("[ps]lan.yaml", "slan.yaml", true)]
    [TestCase("[!p]lan.yaml", "plan.yaml", false)]
    [TestCase("status-{1..12}.yaml", "status-7.yaml", true)]
    [TestCase("status-{1..12}.yaml", "status-13.yaml", false)]
    [TestCase("{plan,project}.{yaml,json}", "project.json", true)]
    [TestCase("{plan,{pro,ro}ject}.yaml", "roject.yaml", true, Description = "braces nest")]
    [TestCase("{plan,project.yaml", "plan.yaml", false, Description = "an unclosed brace makes the glob invalid: it matches nothing")]
    [TestCase("Plan.yaml", "plan.yaml", false, Description = "matching is ordinal")]
    public void Matches_like_editorconfig(string glob, string path, bool expected) =>
        EditorConfigGlob.Create(glob).IsMatch(path).Should().Be(expected);
}
