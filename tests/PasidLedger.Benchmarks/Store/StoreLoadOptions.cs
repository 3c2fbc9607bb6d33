using System.Globalization;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// Command line of <c>store</c>: where to connect, how many clients, how long each phase runs.
/// The warm-up is 10 s by default: after 3 s the JIT was still recompiling hot methods at tier 1,
/// which added about 30 µs of CPU per command to the measured phase.
/// </summary>
internal sealed record StoreLoadOptions(string ConnectionString, int Clients, int Seconds, int WarmupSeconds, string Schema, int Pools)
{
    public const string Usage =
        "usage: store --connection <npgsql connection string> [--clients 16] [--seconds 20] [--warmup 10] [--schema bench_store] [--pools 1]";

    public static StoreLoadOptions? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Count % 2 != 0 || !values.TryGetValue("connection", out var connection))
        {
            return null;
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new StoreLoadOptions(connection, Number("clients", 16), Number("seconds", 20), Number("warmup", 10),
            values.GetValueOrDefault("schema", "bench_store"), Number("pools", 1));
    }
}
