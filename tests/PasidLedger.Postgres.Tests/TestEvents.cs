using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Tests;

/// <summary>Events and stream names for store tests; the store does not interpret them.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A stream of its own for one test: <c>pool-&lt;pool&gt;</c> with a unique pool.</summary>
    public static (string StreamId, string Pool) NewStream()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        return ($"pool-{pool}", pool);
    }

    public static EventToAppend Allocated(long ioasid, int n = 0) => new(
        Guid.NewGuid(),
        "ioasid.allocated.v1",
        $$"""{"ioasid": {{ioasid}}, "n": {{n}}}""",
        ioasid,
        Generation: 1,
        SetId: 7,
        Token: "mm-1",
        CorrelationId: null,
        CausationId: null,
        Epoch.AddSeconds(n));

    public static IReadOnlyList<EventToAppend> Batch(int count, int first = 0) =>
        [.. Enumerable.Range(first, count).Select(n => Allocated(ioasid: 100 + n, n))];
}
