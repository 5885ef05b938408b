using System.CommandLine;
using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Commands;

/// <summary>
/// <c>govern baseline [paths...] --output FILE</c>: records the current findings (not suppressed or exempted) as a
/// baseline keyed by rule, artifact and pointer, and exits 0 once the file is written.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new CheckOptionSet();
        var command = options.AddTo(new Command("baseline", "Record the current findings as a baseline (default file: the configuration's baseline, else governance.baseline.json)."), withFormat: false);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(options.ToRequest(parseResult), environment, cancellationToken)));
        return command;
    }

    private static int Run(CheckCommand.CheckRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (GovernServices.TryCreate(environment, request.Plugins, request.RulePacks) is not { } services) return ExitCodes.InvalidInvocation;
        using var disposeServices = services;
        var engine = services.GetRequiredService<GovernanceEngine>();
        var requestedOutput = request.Output is null ? null : environment.FullPath(request.Output);
        // The new baseline must record every finding, so the old one is not applied.
        if (CheckCommand.Analyze(request with { Baseline = null }, environment, engine, requestedOutput, useBaseline: false, cancellationToken) is not { } analysis)
            return ExitCodes.InvalidInvocation;
        var (result, configuration) = analysis;
        var output = requestedOutput
            ?? (request.Baseline is not null ? environment.FullPath(request.Baseline) : null)
            ?? configuration?.BaselineFile
            ?? environment.FullPath(BaselineFile.DefaultFileName);
        var baseline = Baseline.From(result);
        try
        {
            BaselineFile.Write(baseline, output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"govern baseline: cannot write {environment.DisplayPath(output)}: {ex.Message}");
            return ExitCodes.InvalidInvocation;
        }

        environment.Error.WriteLine($"govern: recorded {baseline.Entries.Sum(e => e.Count)} finding(s) in {baseline.Entries.Count} baseline entries to {environment.DisplayPath(output)}");
        return ExitCodes.Success;
    }
}
