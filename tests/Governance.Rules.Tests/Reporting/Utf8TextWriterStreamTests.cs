using System.Text;
using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Reporting;

namespace Governance.Rules.Tests.Reporting;

/// <summary>JSON reports written onto the text writer a chunk at a time (<see cref="Utf8TextWriterStream"/>).</summary>
[TestFixture]
public sealed class Utf8TextWriterStreamTests
{
    private const string Text = "Plan ‘Ω’ – risk €5k, owner 渡辺 😀; ascii tail";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(1000)]
    public void Characters_split_between_writes_come_out_whole(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Text, 50)));
        using var output = new StringWriter();

        using (var stream = new Utf8TextWriterStream(output))
        {
            for (var i = 0; i < bytes.Length; i += chunk) stream.Write(bytes, i, Math.Min(chunk, bytes.Length - i));
        }

        output.ToString().Should().Be(string.Concat(Enumerable.Repeat(Text, 50)));
    }

    [Test]
    public void A_disposed_stream_writes_nothing_more_and_reads_and_seeks_nothing()
    {
        using var output = new StringWriter();
        var stream = new Utf8TextWriterStream(output);
        stream.CanWrite.Should().BeTrue();
        (stream.CanRead, stream.CanSeek).Should().Be((false, false));
        stream.Dispose();

        stream.CanWrite.Should().BeFalse();
        var write = () => stream.Write([65]);
        write.Should().Throw<ObjectDisposedException>();
        var read = () => stream.Read(new byte[1], 0, 1);
        read.Should().Throw<NotSupportedException>();
    }

    [TestCase(ReportFormatNames.Sarif)]
    [TestCase(ReportFormatNames.Json)]
    public void A_large_report_is_written_in_chunks_and_reads_back_whole(string format)
    {
        // Far more than one chunk of JSON, with characters of two to four bytes on every line.
        var findings = Enumerable.Range(0, 2_000).Select(i => new Finding
        {
            RuleId = "GOV401",
            Severity = Severity.Warning,
            Message = $"{i}: {Text}",
            ArtifactId = $"plan-{i}",
            File = $"plans/計画-{i}.yaml",
            Pointer = "/spec",
            Line = i + 1,
            Column = 1,
        }).ToList();
        var result = new AnalysisResult { Findings = findings, Rules = EngineDiagnostics.All, Today = new DateOnly(2026, 11, 1), Artifacts = [] };
        IReportFormatter formatter = format == ReportFormatNames.Sarif ? new SarifReportFormatter() : new JsonReportFormatter();
        using var output = new StringWriter();

        formatter.Write(result, new ReportContext(), output);

        var text = output.ToString();
        text.Should().EndWith("}\n");
        using var document = JsonDocument.Parse(text);
        var messages = format == ReportFormatNames.Sarif
            ? document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("text").GetString())
            : document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString());
        messages.Should().Equal(findings.Select(f => f.Message));
    }
}
