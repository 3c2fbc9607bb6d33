using PasidLedger.Application.Ports;
using PasidLedger.Bus.Relay;
using PasidLedger.Domain;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Bus.Tests.Relay;

/// <summary>Pool streams and checkpoints in memory, as the relay reads them.</summary>
internal sealed class MemoryFeed : IEventFeed
{
    private readonly Dictionary<string, List<RecordedEvent>> streams = [];
    private readonly Dictionary<(string Reader, string Pool), long> checkpoints = [];

    /// <summary>Appends <paramref name="count"/> events that concern nothing but the count.</summary>
    public void Append(string pool, int count) => Append(pool, [.. Enumerable.Range(1, count).Select(n => (PoolEvent)new CapacityInstalled(n))]);

    public void Append(string pool, params PoolEvent[] events)
    {
        if (!streams.TryGetValue(pool, out var stream))
        {
            streams[pool] = stream = [];
        }

        foreach (var @event in events)
        {
            stream.Add(new RecordedEvent(Guid.NewGuid(), stream.Count + 1, @event, DateTimeOffset.UnixEpoch, Guid.NewGuid(), null, Guid.NewGuid(),
                "operator:test", null));
        }
    }

    public long Checkpoint(string pool) => checkpoints.GetValueOrDefault((PoolRelay.Reader, pool));

    public Task<IReadOnlyList<string>> PoolsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([.. streams.Keys]);

    public Task<IReadOnlyList<RecordedEvent>> ReadAsync(string pool, long afterVersion, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecordedEvent>>([.. streams.GetValueOrDefault(pool, []).Where(e => e.Version > afterVersion).Take(max)]);

    public Task<PoolState> StateAtAsync(string pool, long version, CancellationToken ct)
    {
        var state = new PoolState();
        foreach (var recorded in streams.GetValueOrDefault(pool, []).TakeWhile(e => e.Version <= version))
        {
            Pool.Evolve(state, recorded.Event);
        }

        return Task.FromResult(state);
    }

    public Task<long> CheckpointAsync(string reader, string pool, CancellationToken ct) => Task.FromResult(checkpoints.GetValueOrDefault((reader, pool)));

    public Task SaveCheckpointAsync(string reader, string pool, long version, CancellationToken ct)
    {
        checkpoints[(reader, pool)] = version;
        return Task.CompletedTask;
    }
}
