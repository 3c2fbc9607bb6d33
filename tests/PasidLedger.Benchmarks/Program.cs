using BenchmarkDotNet.Running;
using PasidLedger.Benchmarks.Bus;
using PasidLedger.Benchmarks.History;
using PasidLedger.Benchmarks.Rebuild;
using PasidLedger.Benchmarks.Store;

// `store` is a load generator against PostgreSQL, not a BenchmarkDotNet benchmark.
if (args is ["store", ..])
{
    return await StoreLoad.RunAsync(args[1..]);
}

// `rebuild-seed` writes the stream that `ops/bench rebuild` rebuilds.
if (args is ["rebuild-seed", ..])
{
    return await RebuildSeed.RunAsync(args[1..]);
}

// `history` times the history and as-of reads of `ops/bench history` on a seeded stream.
if (args is ["history", ..])
{
    return await HistoryBench.RunAsync(args[1..]);
}

// `bus` drives lifecycles through the relay to RabbitMQ consumers and times append → receipt (`ops/bench bus`).
if (args is ["bus", ..])
{
    return await BusBench.RunAsync(args[1..]);
}

// `ops/bench` runs this with a --filter; without one BenchmarkDotNet asks which benchmarks to run.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
