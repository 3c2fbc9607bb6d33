namespace PasidLedger.Bus.Commands;

/// <summary>A command message as it arrived, before anything was checked (docs/wire-format.md §2).</summary>
/// <param name="Type">The AMQP <c>type</c> (the routing key when the sender set none).</param>
/// <param name="MessageId">The AMQP <c>message_id</c>: the idempotency key.</param>
/// <param name="Authorization">The <c>authorization</c> header: <c>Bearer &lt;token&gt;</c>.</param>
/// <param name="CorrelationId">The <c>pasidledger-correlation-id</c> header, when it is a UUID.</param>
/// <param name="CausationId">The <c>pasidledger-causation-id</c> header, when it is a UUID.</param>
/// <param name="ReplyTo">The AMQP <c>reply_to</c>: the queue the result goes to, if any.</param>
public sealed record IncomingCommand(
    string Type,
    string? MessageId,
    string? Authorization,
    Guid? CorrelationId,
    Guid? CausationId,
    string? ReplyTo,
    ReadOnlyMemory<byte> Body);
