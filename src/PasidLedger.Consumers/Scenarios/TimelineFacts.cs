namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// What a scenario's timeline says about one host IOASID of one generation (its last allocation): its refs after each
/// change, its notifications in order, its work. The end-to-end tests and the demo's verdicts read the timeline through it.
/// </summary>
public sealed class TimelineFacts(IReadOnlyList<TimelineEvent> events, uint id)
{
    private IReadOnlyList<TimelineEvent> OfId { get; } = [.. events.Where(e => e.Id == id && e.Generation == GenerationOf(events, id))];

    /// <summary>refs after every change, as DOMAIN.md's refs column: 1 at allocation, each get and put, the free, 0 at reclaim.</summary>
    public IReadOnlyList<int> Refs
    {
        get
        {
            var refs = new List<int>();
            foreach (var e in OfId)
            {
                if (RefsAfter(e, refs.Count == 0 ? null : refs[^1]) is { } value)
                {
                    refs.Add(value);
                }
            }

            return refs;
        }
    }

    /// <summary>Each notification as <c>KIND → recipient, recipient</c>, in order.</summary>
    public IReadOnlyList<string> Notifications =>
        [.. OfId.Where(e => e.Type == "notification.published.v1").Select(e => $"{e.Kind!.ToUpperInvariant()} → {string.Join(", ", e.Recipients ?? [])}")];

    /// <summary>The kinds of the notifications (<c>ALLOC</c>, <c>BIND</c>, …), in order.</summary>
    public IReadOnlyList<string> NotificationKinds =>
        [.. OfId.Where(e => e.Type == "notification.published.v1").Select(e => e.Kind!.ToUpperInvariant())];

    /// <summary>Who released a reference, in order.</summary>
    public IReadOnlyList<string> Puts => [.. OfId.Where(e => e.Type == "ioasid.ref-released.v1").Select(e => e.Holder!)];

    /// <summary>The work items queued and completed, as <c>queued:id</c> and <c>completed:id</c>, in order.</summary>
    public IReadOnlyList<string> Work => [.. events.Where(e => e.Type is "work.queued.v1" or "work.completed.v1").Select(e => $"{e.Type.Split('.')[1]}:{e.WorkId}")];

    public int Reclaims => OfId.Count(e => e.Type == "ioasid.reclaimed.v1");

    /// <summary>Who caused each event of the ID of <paramref name="type"/>.</summary>
    public IReadOnlyList<string?> CallersOf(string type) => [.. OfId.Where(e => e.Type == type).Select(e => e.Caller)];

    public int Generation => GenerationOf(events, id);

    /// <summary>
    /// refs after <paramref name="e"/> when it changes them, else null: 1 at allocation, the holder's get or put and the
    /// free carry theirs, and a reclaim is 0 unless refs were 0 already (<paramref name="before"/>).
    /// </summary>
    public static int? RefsAfter(TimelineEvent e, int? before)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Type switch
        {
            "ioasid.allocated.v1" => 1,
            "ioasid.ref-acquired.v1" or "ioasid.ref-released.v1" or "ioasid.free-requested.v1" => e.Refs,
            "ioasid.reclaimed.v1" when before != 0 => 0,
            _ => null,
        };
    }

    private static int GenerationOf(IReadOnlyList<TimelineEvent> events, uint id) =>
        events.Last(e => e.Type == "ioasid.allocated.v1" && e.Id == id).Generation!.Value;
}
