using PasidLedger.Application.Ports;

namespace PasidLedger.Bus.Relay;

/// <summary>
/// Forwards one pool's events to the broker in stream order (ARCHITECTURE.md 3): from the pool's
/// checkpoint, a batch at a time, and moves the checkpoint on only after the broker confirmed the
/// whole batch. A crash in between sends the batch again (at least once; message ids make it harmless).
/// Only the instance holding the pool's lease runs it.
/// </summary>
public sealed class PoolRelay(string pool, IEventFeed feed, IRelayMessages messages, IRelayPublisher publisher, int batchSize = PoolRelay.DefaultBatch)
{
    /// <summary>The relay's name among the checkpoint readers.</summary>
    public const string Reader = "relay";

    public const int DefaultBatch = 500;

    private long? checkpoint;

    public string Pool => pool;

    /// <summary>Forwards everything appended since the checkpoint; returns how many events it forwarded.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var forwarded = 0;
        while (true)
        {
            checkpoint ??= await feed.CheckpointAsync(Reader, pool, ct).ConfigureAwait(false);
            var events = await feed.ReadAsync(pool, checkpoint.Value, batchSize, ct).ConfigureAwait(false);
            if (events.Count == 0)
            {
                return forwarded;
            }

            await publisher.PublishAsync([.. events.SelectMany(recorded => messages.MessagesOf(pool, recorded))], ct).ConfigureAwait(false);
            await feed.SaveCheckpointAsync(Reader, pool, events[^1].Version, ct).ConfigureAwait(false);
            checkpoint = events[^1].Version;
            forwarded += events.Count;
        }
    }
}
