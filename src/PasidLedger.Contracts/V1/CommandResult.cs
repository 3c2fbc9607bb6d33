namespace PasidLedger.Contracts.V1;

/// <summary>
/// The ledger's answer to one command message, sent by the ledger to the command's AMQP <c>reply_to</c> queue
/// (default exchange) with <c>correlation_id</c> = the command's <c>message_id</c>. One record for every
/// command: the common part says how it went; at most one reply part is set, the one the command's row of
/// docs/wire-format.md names, with the fields the HTTP API answers. A command sent again with the same
/// message id is answered with the first result (<paramref name="Replayed"/> true) and appends nothing.
/// </summary>
/// <param name="CommandId">The command's message id (its idempotency key): the sender's text, up to 200 printable ASCII characters, often a UUID.</param>
/// <param name="CommandType">The command's message type, e.g. <c>command.allocate-ioasid.v1</c>.</param>
/// <param name="Pool">The command's pool.</param>
/// <param name="Status"><c>ok</c>, <c>ignored</c> (the kernel would return success or false, and the ledger recorded why) or <c>failed</c>.</param>
/// <param name="Reason">The service reason code when ignored or failed (as HTTP problem <c>reason</c>, e.g. <c>StaleHandle</c>).</param>
/// <param name="Errno">The negative Linux errno when ignored or failed (e.g. -16 for EBUSY); 0 when ok.</param>
/// <param name="Detail">A sentence for people when ignored or failed.</param>
/// <param name="Version">The pool stream version after the command (unchanged when nothing was appended).</param>
/// <param name="Replayed">True when this answers a repeated message id with the stored first result.</param>
public sealed record CommandResult(
    string CommandId,
    string CommandType,
    string Pool,
    string Status,
    string? Reason,
    int Errno,
    string? Detail,
    long Version,
    bool Replayed)
{
    /// <summary>The message type (AMQP <c>type</c> and <see cref="HeaderNames.Type"/>).</summary>
    public const string MessageType = "command.result.v1";

    /// <summary>The outcome word where the HTTP answer has one: <c>installed</c>, <c>released</c>, <c>reclaimed</c>, <c>free_pending</c>, <c>detached</c>, <c>unbound</c>, <c>unregistered</c>, <c>done</c> or <c>ignored</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>The pool's capacity view: create pool, install, cancel.</summary>
    public CapacityReply? Capacity { get; init; }

    /// <summary>What a reserve took: reserve.</summary>
    public ReservationReply? Reservation { get; init; }

    /// <summary>The set with its members and SPID map: create, adjust, free, release set.</summary>
    public SetReply? Set { get; init; }

    /// <summary>The IOASID's refcount view: allocate, get, get_if_owned, attach private data, attach SPID.</summary>
    public IoasidReply? Ioasid { get; init; }

    /// <summary>What a put left: put.</summary>
    public ReleaseReply? Release { get; init; }

    /// <summary>What free_all_in_set did.</summary>
    public FreeAllReply? FreeAll { get; init; }

    /// <summary>The ID find_by_spid found: find_by_spid with get.</summary>
    public LookupReply? Lookup { get; init; }

    /// <summary>The registration made: register notifier.</summary>
    public NotifierReply? Notifier { get; init; }

    /// <summary>queue_work's answer.</summary>
    public WorkReply? Work { get; init; }
}
