using System.Collections.Concurrent;
using PasidLedger.Application.Ports;

namespace PasidLedger.Application.Writing;

/// <summary>One <see cref="PoolWriter"/> per pool in this process, created on first use.</summary>
public sealed class PoolWriters(IPoolStore store, WriterOptions options, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PoolWriter>> writers = new(StringComparer.Ordinal);

    /// <summary>Sends a command to its pool's writer.</summary>
    public Task<CommandResult> SubmitAsync(string pool, CommandEnvelope envelope, CancellationToken ct = default) =>
        writers.GetOrAdd(pool, name => new Lazy<PoolWriter>(() => new PoolWriter(name, store, options, clock)))
            .Value.SubmitAsync(envelope, ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in writers.Values.Where(w => w.IsValueCreated))
        {
            await writer.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
