using System.Collections.Concurrent;
using PasidLedger.Application.Ports;

namespace PasidLedger.Application.Writing;

/// <summary>
/// One <see cref="PoolWriter"/> per pool in this process, created on first use. A writer whose
/// pool turns out not to exist retires once idle, so unknown pool names cost nothing lasting.
/// </summary>
public sealed class PoolWriters(IPoolStore store, WriterOptions options, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PoolWriter>> writers = new(StringComparer.Ordinal);

    /// <summary>
    /// Writers that retired but may still be answering a command that reached their queue just
    /// before it closed; disposal waits for them too, so none uses the store after it.
    /// </summary>
    private readonly ConcurrentDictionary<PoolWriter, Task> retiring = new();

    /// <summary>Pools with a writer in this process right now.</summary>
    public int Count => writers.Count;

    /// <summary>Sends a command to its pool's writer.</summary>
    public Task<CommandResult> SubmitAsync(string pool, CommandEnvelope envelope, CancellationToken ct = default)
    {
        while (true)
        {
            var writer = writers.GetOrAdd(pool, name => new Lazy<PoolWriter>(() => new PoolWriter(name, store, options, clock, Retire)));
            if (writer.Value.TrySubmit(envelope, ct) is { } submitted)
            {
                return submitted;
            }

            writers.TryRemove(KeyValuePair.Create(pool, writer)); // it retired: the next turn starts a new one
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in writers.Values.Where(w => w.IsValueCreated).Select(w => w.Value).Concat(retiring.Keys))
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Retire(PoolWriter writer)
    {
        retiring[writer] = writer.Stopped.ContinueWith(_ => retiring.TryRemove(writer, out Task? _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (writers.TryGetValue(writer.PoolName, out var current) && current.IsValueCreated && current.Value == writer)
        {
            writers.TryRemove(KeyValuePair.Create(writer.PoolName, current));
        }
    }
}
