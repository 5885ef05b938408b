using Governance.Rules.Engine;

namespace Governance.Rules.Tests.Engine;

/// <summary>The numbers the index gives link pointer templates (<see cref="LinkTemplates"/>), found first by reference.</summary>
[TestFixture]
public sealed class LinkTemplatesTests
{
    [Test]
    public void The_text_decides_the_number_not_the_instance()
    {
        const string template = "/spec/tests/#/linkTemplatesOwner";
        var copy = new string(template.ToCharArray());

        var id = LinkTemplates.Id(template);

        LinkTemplates.Id(copy).Should().Be(id);
        LinkTemplates.Id(template).Should().Be(id, "the literal is found again after a copy took its place in the cache");
        LinkTemplates.Of(id).Should().Be(template);
    }

    [Test]
    public void Templates_numbered_from_many_threads_keep_one_number_each()
    {
        var templates = Enumerable.Range(0, 600).Select(i => $"/spec/tests/{i}/linkTemplatesConcurrent").ToArray();

        var numbers = new ushort[8][];
        Parallel.For(0, numbers.Length, t => numbers[t] = [.. templates.Select(LinkTemplates.Id)]);

        foreach (var found in numbers) found.Should().Equal(numbers[0]);
        numbers[0].Distinct().Should().HaveCount(templates.Length, "600 templates are more than the cache's slots: collisions must not mix them up");
        numbers[0].Select(LinkTemplates.Of).Should().Equal(templates);
    }
}
