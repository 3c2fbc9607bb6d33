using PasidLedger.Contracts.V1;
using Wolverine;
using Wolverine.Runtime.Serialization;

namespace PasidLedger.Bus.Commands;

/// <summary>Reads a command message as it arrived into an <see cref="IncomingCommand"/>: the body stays raw JSON for <see cref="CommandReader"/>.</summary>
internal sealed class IncomingCommandSerializer : IMessageSerializer
{
    /// <summary>The content type the command queue's mapper gives every message, so this serializer reads it.</summary>
    public const string Raw = "application/vnd.pasidledger.command";

    public string ContentType => Raw;

    public object ReadFromData(Type messageType, Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new IncomingCommand(
            Header(envelope, CommandMessages.TypeHeader) ?? string.Empty,
            Header(envelope, CommandMessages.MessageIdHeader),
            Header(envelope, HeaderNames.Authorization),
            Guid.TryParse(Header(envelope, HeaderNames.CorrelationId), out var correlation) ? correlation : null,
            Guid.TryParse(Header(envelope, HeaderNames.CausationId), out var causation) ? causation : null,
            Header(envelope, CommandMessages.ReplyToHeader),
            envelope.Data ?? []);
    }

    public object ReadFromData(byte[] data) => throw new NotSupportedException("A command message is read with its envelope.");

    public byte[] Write(Envelope envelope) => throw new NotSupportedException("The command queue only receives.");

    public byte[] WriteMessage(object message) => throw new NotSupportedException("The command queue only receives.");

    private static string? Header(Envelope envelope, string name) =>
        envelope.Headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
