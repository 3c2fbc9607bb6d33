using PasidLedger.Application.Ports;
using PasidLedger.Bus.Relay;
using PasidLedger.Domain.Events;

namespace PasidLedger.Bus.Tests.Relay;

/// <summary>Pool streams and checkpoints in memory, as the relay reads them.</summary>
internal sealed class MemoryFeed : IEventFeed
{
    private readonly Dictionary<string, List<RecordedEvent>> streams = [];
    private readonly Dictionary<(string Reader, string Pool), long> checkpoints = [];

    public void Append(string pool, int count)
    {
        if (!streams.TryGetValue(pool, out var stream))
        {
            streams[pool] = stream = [];
        }

        for (var i = 0; i < count; i++)
        {
            var version = stream.Count + 1;
            stream.Add(new RecordedEvent(Guid.NewGuid(), version, new CapacityInstalled(version), DateTimeOffset.UnixEpoch, Guid.NewGuid(), null,
                Guid.NewGuid(), "operator:test", null));
        }
    }

    public long Checkpoint(string pool) => checkpoints.GetValueOrDefault((PoolRelay.Reader, pool));

    public Task<IReadOnlyList<string>> PoolsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([.. streams.Keys]);

    public Task<IReadOnlyList<RecordedEvent>> ReadAsync(string pool, long afterVersion, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecordedEvent>>([.. streams.GetValueOrDefault(pool, []).Where(e => e.Version > afterVersion).Take(max)]);

    public Task<long> CheckpointAsync(string reader, string pool, CancellationToken ct) => Task.FromResult(checkpoints.GetValueOrDefault((reader, pool)));

    public Task SaveCheckpointAsync(string reader, string pool, long version, CancellationToken ct)
    {
        checkpoints[(reader, pool)] = version;
        return Task.CompletedTask;
    }
}
