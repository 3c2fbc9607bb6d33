using MassTransit;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// Everything the ledger publishes about one pool, as an integrator sees it on <c>pasidledger.events</c>: kept in version
/// order (repeats after a relay failure dropped by version), and waited on by the scenarios.
/// </summary>
public sealed class LedgerTimeline : IConsumer<TimelineEvent>
{
    private readonly SortedDictionary<long, TimelineEvent> _events = [];
    private readonly List<(long Version, long At)> _arrivals = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The events received so far, in version order.</summary>
    public IReadOnlyList<TimelineEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.Values];
            }
        }
    }

    /// <summary>
    /// The versions in the order they arrived, repeats included (one consumer on the queue: the order they were published
    /// in), each with when it arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).
    /// </summary>
    public IReadOnlyList<(long Version, long At)> Arrivals
    {
        get
        {
            lock (_lock)
            {
                return [.. _arrivals];
            }
        }
    }

    public Task Consume(ConsumeContext<TimelineEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_lock)
        {
            _arrivals.Add((context.Message.Version, System.Diagnostics.Stopwatch.GetTimestamp()));
            _events.TryAdd(context.Message.Version, context.Message);
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits until the events received satisfy <paramref name="done"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<TimelineEvent>, bool> done, string what, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(done);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (done([.. _events.Values]))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                var seen = Events;
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; the ledger published {seen.Count} event(s), the last {(seen.Count > 0 ? seen[^1].Type : "none")}.");
            }
        }
    }

    /// <summary>
    /// Whether everything the ledger started has finished: every notification acknowledged by each of its recipients and
    /// every queued work item completed. After a step settles, the consumers' reactions to it are in the timeline.
    /// </summary>
    public static bool IsSettled(IReadOnlyList<TimelineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var acknowledged = events.Where(e => e.Type == "notification.acknowledged.v1").Select(e => (e.NotificationEventId, e.Recipient)).ToHashSet();
        var queued = events.Count(e => e.Type == "work.queued.v1");
        var completed = events.Count(e => e.Type == "work.completed.v1");
        return queued == completed && events
            .Where(e => e.Type == "notification.published.v1")
            .All(e => (e.Recipients ?? []).All(recipient => acknowledged.Contains((e.EventId, recipient))));
    }
}
