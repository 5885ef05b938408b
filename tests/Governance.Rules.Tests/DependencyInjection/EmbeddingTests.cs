using System.Collections.Concurrent;
using System.Text;
using Governance.Rules.DependencyInjection;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Reporting;
using Governance.Rules.TestPlugin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Rules.Tests.DependencyInjection;

/// <summary>The entry points a host application uses: strings, streams, async paths, logging, custom formatters.</summary>
[TestFixture]
[Category("Embedding")]
public sealed class EmbeddingTests
{
    private const string PlanWithoutRisks = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-a
        spec:
          projectId: proj-a
        """;

    private static readonly AnalysisOptions AsOf = new() { AsOf = new DateOnly(2026, 11, 1) };

    private static ServiceProvider Provider(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules().AddRule<PlanVersionRule>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static string[] Lines(AnalysisResult result) =>
        [.. result.Findings.Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.RuleId} {f.Pointer} [{f.ArtifactId}]")];

    [Test]
    public void AnalyzeContent_reads_a_string_as_the_named_file_with_lines_and_columns()
    {
        using var provider = Provider();
        var engine = provider.GetRequiredService<GovernanceEngine>();

        var result = engine.AnalyzeContent("plans/a.yaml", PlanWithoutRisks, AsOf);

        result.FilesAnalyzed.Should().Be(1);
        result.Findings.Should().Contain(f => f.RuleId == "GOV401" && f.File == "plans/a.yaml" && f.Line == 6 && f.Column == 3 && f.Pointer == "/spec");
        result.Findings.Should().Contain(f => f.RuleId == "GOV990" && f.File == "plans/a.yaml" && f.ArtifactId == "plan-a");
    }

    [Test]
    public void AnalyzeContent_reads_json_when_the_name_ends_in_json_and_reports_broken_text_as_GOV001()
    {
        using var provider = Provider();
        var engine = provider.GetRequiredService<GovernanceEngine>();

        var json = engine.AnalyzeContent("a.json", """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"plan-j"},"spec":{"projectId":"p"}}""", AsOf);
        var broken = engine.AnalyzeContent("b.yaml", "apiVersion: governance/v1\nkind: [unclosed\n", AsOf);

        json.Findings.Should().Contain(f => f.RuleId == "GOV401" && f.ArtifactId == "plan-j" && f.Line == 1);
        broken.Findings.Should().ContainSingle(f => f.RuleId == "GOV001").Which.File.Should().Be("b.yaml");
    }

    [Test]
    public async Task AnalyzeAsync_reads_a_stream_like_the_same_text()
    {
        using var provider = Provider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(PlanWithoutRisks));

        var fromStream = await engine.AnalyzeAsync(stream, "plans/a.yaml", AsOf);

        Lines(fromStream).Should().Equal(Lines(engine.AnalyzeContent("plans/a.yaml", PlanWithoutRisks, AsOf)));
        stream.CanRead.Should().BeTrue("the caller owns the stream");
    }

    [Test]
    public async Task A_stream_that_fails_while_being_read_is_a_GOV001_finding_not_an_exception()
    {
        using var provider = Provider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        using var stream = new FailingStream();

        var result = await engine.AnalyzeAsync(stream, "upload.yaml", AsOf);

        result.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV001", File = "upload.yaml", Line = 1, Column = 1 });
        result.Findings[0].Message.Should().Contain("cannot be read").And.Contain("disk gone");
    }

    [Test]
    public async Task AnalyzeAsync_and_AnalyzePathsAsync_honour_cancellation()
    {
        using var provider = Provider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(PlanWithoutRisks));

        var fromStream = () => engine.AnalyzeAsync(stream, "a.yaml", AsOf, cancelled.Token);
        var fromPaths = () => engine.AnalyzePathsAsync(["."], AsOf, cancelled.Token);

        await fromStream.Should().ThrowAsync<OperationCanceledException>();
        await fromPaths.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public async Task AnalyzePathsAsync_gives_the_result_of_AnalyzePaths()
    {
        var folder = Directory.CreateTempSubdirectory("govern-async-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "plan.yaml"), PlanWithoutRisks);
            using var provider = Provider();
            var engine = provider.GetRequiredService<GovernanceEngine>();
            var options = AsOf with { Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = folder } };

            var result = await engine.AnalyzePathsAsync(["."], options);

            result.FilesAnalyzed.Should().Be(1);
            Lines(result).Should().Equal(Lines(engine.AnalyzePaths(["."], options))).And.Contain(l => l.StartsWith("plan.yaml:6:3: GOV401", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void One_engine_serves_every_entry_point_from_many_threads_with_identical_results()
    {
        using var provider = Provider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        var documents = Enumerable.Range(0, 6)
            .Select(i => PlanWithoutRisks.Replace("plan-a", $"plan-{i}", StringComparison.Ordinal) + (i % 2 == 0 ? "\n  version: \"1\"\n" : "\n"))
            .ToArray();
        var records = documents.Select((_, i) => (Artifact)new ProjectPlan { Metadata = new ArtifactMetadata { Id = $"rec-{i}" }, Spec = new ProjectPlanSpec { ProjectId = "p" } }).ToArray();
        string[] Expected(int i, int kind) => kind switch
        {
            0 => Lines(engine.AnalyzeContent($"d{i}.yaml", documents[i], AsOf)),
            _ => Lines(engine.Analyze([records[i]], AsOf)),
        };
        var expected = Enumerable.Range(0, documents.Length).SelectMany(i => new[] { (i, 0), (i, 1), (i, 2) })
            .ToDictionary(k => k, k => Expected(k.Item1, k.Item2 == 2 ? 0 : k.Item2));
        expected.Values.Should().AllSatisfy(lines => lines.Should().NotBeEmpty());

        var actual = new ConcurrentDictionary<(int, int), string[]>();
        var threads = expected.Keys.SelectMany(k => Enumerable.Range(0, 4).Select(_ => k)).Select(key => new Thread(() =>
        {
            var (i, kind) = key;
            string[] lines = kind switch
            {
                0 => Lines(engine.AnalyzeContent($"d{i}.yaml", documents[i], AsOf)),
                1 => Lines(engine.Analyze([records[i]], AsOf)),
                _ => Lines(engine.AnalyzeAsync(new MemoryStream(Encoding.UTF8.GetBytes(documents[i])), $"d{i}.yaml", AsOf).GetAwaiter().GetResult()),
            };
            actual.AddOrUpdate(key, lines, (_, previous) => previous.SequenceEqual(lines) ? previous : ["MISMATCH"]);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        actual.Should().HaveCount(expected.Count);
        foreach (var (key, lines) in expected) actual[key].Should().Equal(lines, $"entry point {key.Item2} on document {key.Item1}");
    }

    [Test]
    public void The_engine_logs_start_end_files_and_rule_failures_through_the_containers_logger()
    {
        var log = new CollectingLogger();
        using var provider = Provider(s =>
        {
            s.AddSingleton<ILogger<GovernanceEngine>>(log);
            new GovernanceRulesBuilder(s).AddRule<ThrowingRule>();
        });
        var engine = provider.GetRequiredService<GovernanceEngine>();

        var result = engine.AnalyzeContent("a.yaml", PlanWithoutRisks, AsOf);

        result.Findings.Should().Contain(f => f.RuleId == "GOV009");
        log.Entries.Should().Contain(e => e.Level == LogLevel.Debug && e.Message.StartsWith("Analysis started", StringComparison.Ordinal));
        log.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("GOV998", StringComparison.Ordinal) && e.Exception is InvalidOperationException);
        log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Information).Which.Message.Should().StartWith("Analysis finished: 1 file(s), 1 artifact(s)");
    }

    [Test]
    public void Reading_files_is_logged_per_file_at_trace_level()
    {
        var folder = Directory.CreateTempSubdirectory("govern-log-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "plan.yaml"), PlanWithoutRisks);
            var log = new CollectingLogger();
            using var provider = Provider(s => s.AddSingleton<ILogger<GovernanceEngine>>(log));

            provider.GetRequiredService<GovernanceEngine>().AnalyzePaths(["."], AsOf with { Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = folder } });

            log.Entries.Should().Contain(e => e.Level == LogLevel.Trace && e.Message == "Read plan.yaml");
            log.Entries.Should().Contain(e => e.Level == LogLevel.Debug && e.Message.StartsWith("Loaded 1 file(s): 1 artifact(s)", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Without_a_logger_the_engine_runs_silently_and_the_containers_clock_decides_today()
    {
        var clock = new FixedClock(new DateTimeOffset(2031, 2, 3, 12, 0, 0, TimeSpan.Zero));
        using var provider = Provider(s => s.AddSingleton<TimeProvider>(clock));
        var engine = provider.GetRequiredService<GovernanceEngine>();

        engine.AnalyzeContent("a.yaml", PlanWithoutRisks).Today.Should().Be(new DateOnly(2031, 2, 3));
    }

    [Test]
    public void AddFormatter_registers_a_custom_format_once_beside_the_built_in_ones()
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules().AddFormatter<CsvFormatter>().AddFormatter<CsvFormatter>();
        using var provider = services.BuildServiceProvider();
        var formatters = provider.GetServices<IReportFormatter>().ToList();
        var engine = provider.GetRequiredService<GovernanceEngine>();

        formatters.Select(f => f.Name).Should().BeEquivalentTo(["text", "markdown", "html", "sarif", "json", "junit", "csv"]);
        using var writer = new StringWriter();
        formatters.Single(f => f.Name == "csv").Write(engine.AnalyzeContent("a.yaml", PlanWithoutRisks, AsOf), new ReportContext(), writer);
        writer.ToString().Should().Contain("GOV401,a.yaml,6,3\n");
    }

    private sealed class GovernanceRulesBuilder(IServiceCollection services) : IGovernanceRulesBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    private sealed class CsvFormatter : IReportFormatter
    {
        public string Name => "csv";

        public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
        {
            foreach (var f in result.Findings) writer.Write($"{f.RuleId},{f.File},{f.Line},{f.Column}\n");
        }
    }

    private sealed class ThrowingRule : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new("GOV998", "Always throws", "Never reported", RuleCategories.Plan, Severity.Error, "Throws, for the logging test.");

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<ProjectPlan>(_ => throw new InvalidOperationException("boom"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(Encoding.UTF8.GetBytes("apiVersion: governance/v1\n"))
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position == 0 ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("disk gone");
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class CollectingLogger : ILogger<GovernanceEngine>
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
    }
}
