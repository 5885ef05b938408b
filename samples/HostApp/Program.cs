// A host application (say a PMO portal) that keeps its portfolio in its own database, builds the governance records
// in memory, checks them with the built-in catalog plus a C# rule and a declarative rule pack of its own, and prints the
// Markdown report.
using Governance.Rules.DependencyInjection;
using Governance.Rules.Engine;
using Governance.Rules.Reporting;
using HostApp;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddGovernanceRules()                 // engine, loader, clock, built-in rules and report formats
    .AddRule<ProjectHasNoSponsorRule>()       // a custom C# rule, reported like the built-in ones
    .AddRulePack(Path.Combine(AppContext.BaseDirectory, "portal-conventions.yaml")); // declarative rules (YAML)

using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<GovernanceEngine>();

var result = engine.Analyze(Portfolio.Build(), new AnalysisOptions { AsOf = new DateOnly(2026, 11, 1) });

var markdown = provider.GetServices<IReportFormatter>().Single(f => f.Name == "markdown");
markdown.Write(result, new ReportContext(), Console.Out);
return 0;
