namespace PasidLedger.Contracts.V1;

// Public messages of the ordered work queue (V4 13/18, DOMAIN.md 4.6), sent by the relay on Exchanges.Events;
// the owner of the head item also gets a RunWork on Exchanges.Work.

/// <summary>Work appended to the ordered queue; <paramref name="Id"/> and <paramref name="Cause"/> (a notification kind) name what caused it, if anything.</summary>
public sealed record WorkQueued(string WorkId, string By, uint? Id, string? Cause) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "work.queued.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>The head of the queue finished; the next item may run.</summary>
public sealed record WorkCompleted(string WorkId) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "work.completed.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}
