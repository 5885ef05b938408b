using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Tests;

/// <summary>The built-in services a plain run makes without a container are what <c>AddGovernanceRules()</c> registers.</summary>
[TestFixture]
[Category("cli")]
public sealed class GovernServicesTests
{
    private static CliEnvironment Environment(Action<IServiceCollection>? configure = null) =>
        new(TextWriter.Null, TextWriter.Null) { ConfigureServices = configure };

    [Test]
    public void A_plain_run_gets_the_built_in_services_and_additions_get_a_container()
    {
        using var plain = GovernServices.Create(Environment());
        using var added = GovernServices.Create(Environment(_ => { }));

        plain.Should().BeOfType<BuiltInServices>();
        added.Should().BeOfType<ContainerServices>();
    }

    [Test]
    public void The_built_in_services_equal_the_container_registrations()
    {
        using var plain = GovernServices.Create(Environment());
        using var container = GovernServices.Create(Environment(_ => { }));

        plain.GetServices<IReportFormatter>().Select(f => f.GetType())
            .Should().Equal(container.GetServices<IReportFormatter>().Select(f => f.GetType()));
        plain.GetRequiredService<GovernanceEngine>().Rules.Select(r => (r.GetType(), r.Descriptor.Id))
            .Should().Equal(container.GetRequiredService<GovernanceEngine>().Rules.Select(r => (r.GetType(), r.Descriptor.Id)));
        plain.GetRequiredService<ITemplateRenderer>().GetType().Should().Be(container.GetRequiredService<ITemplateRenderer>().GetType());
        plain.GetRequiredService<ArtifactLoader>().Should().BeSameAs(plain.GetRequiredService<ArtifactLoader>());
        plain.GetRequiredService<TimeProvider>().Should().BeSameAs(container.GetRequiredService<TimeProvider>());
    }

    [Test]
    public void Find_formatter_makes_each_format_by_name_and_nothing_for_an_unknown_one()
    {
        using var plain = GovernServices.Create(Environment());
        using var container = GovernServices.Create(Environment(_ => { }));

        foreach (var name in ReportFormatNames.All)
        {
            plain.FindFormatter(name)?.Name.Should().Be(name);
            plain.FindFormatter(name).Should().NotBeNull(name);
            plain.FindFormatter(name)!.GetType().Should().Be(container.FindFormatter(name)!.GetType(), name);
        }

        plain.FindFormatter("nope").Should().BeNull();
        container.FindFormatter("nope").Should().BeNull();
    }
}
