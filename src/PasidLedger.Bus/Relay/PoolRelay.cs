using PasidLedger.Application.Ports;
using PasidLedger.Domain.State;

namespace PasidLedger.Bus.Relay;

/// <summary>
/// Forwards one pool's events to the broker in stream order (ARCHITECTURE.md 3): from the pool's
/// checkpoint, a batch at a time, and moves the checkpoint on only after the broker confirmed the
/// whole batch. A crash in between sends the batch again (at least once; message ids make it harmless).
/// Only the instance holding the pool's lease runs it. It folds the events it sends into the pool's
/// state (loaded at the checkpoint), so it knows when an event puts a work item at the head of the queue.
/// </summary>
public sealed class PoolRelay(string pool, IEventFeed feed, IRelayMessages messages, IRelayPublisher publisher, int batchSize = PoolRelay.DefaultBatch)
{
    /// <summary>The relay's name among the checkpoint readers.</summary>
    public const string Reader = "relay";

    public const int DefaultBatch = 500;

    private PoolState? state;

    public string Pool => pool;

    /// <summary>The messages of <paramref name="events"/> in order, folding each into the state first.</summary>
    private List<OutgoingMessage> Messages(IReadOnlyList<RecordedEvent> events)
    {
        var sent = new List<OutgoingMessage>(events.Count * 2);
        foreach (var recorded in events)
        {
            var headBefore = state!.Work.Count > 0 ? state.Work[0] : null;
            Domain.Pool.Evolve(state, recorded.Event);
            var head = state.Work.Count > 0 ? state.Work[0] : null;
            sent.AddRange(messages.MessagesOf(pool, recorded, head is not null && head != headBefore ? head : null));
        }

        return sent;
    }

    /// <summary>Forwards everything appended since the checkpoint; returns how many events it forwarded.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var forwarded = 0;
        while (true)
        {
            state ??= await feed.StateAtAsync(pool, await feed.CheckpointAsync(Reader, pool, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            var events = await feed.ReadAsync(pool, state.Version, batchSize, ct).ConfigureAwait(false);
            if (events.Count == 0)
            {
                return forwarded;
            }

            try
            {
                await publisher.PublishAsync(Messages(events), ct).ConfigureAwait(false);
                await feed.SaveCheckpointAsync(Reader, pool, events[^1].Version, ct).ConfigureAwait(false);
            }
            catch
            {
                state = null; // it was folded past the checkpoint: load it again at the checkpoint
                throw;
            }

            forwarded += events.Count;
        }
    }
}
