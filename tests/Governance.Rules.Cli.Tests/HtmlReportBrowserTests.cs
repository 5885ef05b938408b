using System.Diagnostics;
using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary>
/// Opens the HTML report in a real headless Chromium (Debian's package; <c>.ci/run</c> installs it): the page's script
/// runs, the findings are there, and artifact text stays text.
/// </summary>
[TestFixture]
[Category("Browser")]
public sealed class HtmlReportBrowserTests
{
    private static string? FindChromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    [Test]
    public async Task The_report_loads_in_headless_chromium_runs_its_script_and_escapes_artifact_text()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("Chromium is not installed; .ci/run installs Debian's chromium package.");
            Assert.Inconclusive("Chromium is not installed on this machine (apt-get install chromium).");
        }

        using var workspace = Workspace.Create();
        workspace.Write("plan.yaml", """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
              title: Plan with a hostile id
            spec:
              projectId: proj-xss
              riskRegister: []
            """);
        var run = await workspace.RunAsync("check", ".", "--format", "html", "--output", "report.html");
        run.ExitCode.Should().Be(1, run.ToString());

        var profile = Path.Combine(workspace.Root, "chromium-profile");
        var start = new ProcessStartInfo(chromium!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom",
            new Uri(workspace.PathOf("report.html")).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var dom = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        dom.Should().Contain("1 of 1 findings", "the page's script ran and counted the findings table");
        dom.Should().Contain("GOV401");
        dom.Should().NotContain("<title>pwned</title>").And.NotContain("<img src=\"x\"");
        dom.Should().Contain("&lt;script&gt;document.title=");
    }
}
