using Governance.Rules.Engine;

namespace Governance.Rules.Tests.Testing;

/// <summary>What a test expects of one finding: everything a user sees except the rule id and the file.</summary>
internal sealed record ExpectedFinding(Severity Severity, string Message, string? ArtifactId, string? Pointer, int Line, int Column)
{
    public static ExpectedFinding Of(Finding finding) =>
        new(finding.Severity, finding.Message, finding.ArtifactId, finding.Pointer, finding.Line, finding.Column);
}

/// <summary>Assertions over a rule's findings.</summary>
internal static class FindingAssertions
{
    /// <summary>Asserts that <paramref name="findings"/> are exactly <paramref name="expected"/>, in report order.</summary>
    public static void ShouldBeExactly(this IEnumerable<Finding> findings, params ExpectedFinding[] expected) =>
        findings.Select(ExpectedFinding.Of).Should().Equal(expected);
}
