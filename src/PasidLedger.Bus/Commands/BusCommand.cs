using PasidLedger.Domain.Commands;
using WriterResult = PasidLedger.Application.Writing.CommandResult;

namespace PasidLedger.Bus.Commands;

/// <summary>What a command message reads as: one or the other of a domain command and the refusal of the message.</summary>
public abstract record CommandReading;

/// <summary>
/// A command message read: its pool, the domain command, and how the writer's result fills the result message's
/// reply part (the one docs/wire-format.md §9 names for this message type).
/// </summary>
public sealed record BusCommand(string Pool, PoolCommand Command, Func<WriterResult, ResultPart> Reply) : CommandReading;

/// <summary>
/// An acknowledgement read: it names its notification by event id, which the endpoint looks up before it sends the
/// pool its <see cref="AcknowledgeNotification"/>, under <see cref="IdempotencyKey"/> rather than the message id.
/// </summary>
public sealed record AcknowledgementReading(string Pool, Guid EventId, string Recipient) : CommandReading
{
    /// <summary>One acknowledgement per (event id, recipient), whatever the message id (docs/wire-format.md §3).</summary>
    public string IdempotencyKey => $"ack:{EventId:D}/{Recipient}";
}

/// <summary>A command message refused before it reached a writer (a bad body, a field out of range).</summary>
public sealed record UnreadableCommand(CommandRefusal Refusal) : CommandReading;
