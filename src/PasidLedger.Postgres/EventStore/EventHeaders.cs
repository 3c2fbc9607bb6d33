namespace PasidLedger.Postgres.EventStore;

/// <summary>The names of the headers every stored event carries (<c>mt_events.headers</c>).</summary>
public static class EventHeaders
{
    /// <summary>The command execution that decided the event.</summary>
    public const string CommandId = "commandId";

    /// <summary>The command's idempotency key, when it had one.</summary>
    public const string IdempotencyKey = "idempotencyKey";
}
