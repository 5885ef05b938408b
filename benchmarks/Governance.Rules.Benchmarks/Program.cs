using BenchmarkDotNet.Running;
using Governance.Rules.Benchmarks;

// `generate` and `measure` are handled here; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] is "generate" or "measure" or "profile" or "memory")
    return Commands.Run(args);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
