using PasidLedger.Bus.Relay;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>The relay's publisher with every message sent twice in a row, same message id, as an at-least-once broker may deliver it.</summary>
public sealed class TwicePublisher(IRelayPublisher inner) : IRelayPublisher
{
    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct) =>
        inner.PublishAsync([.. messages.SelectMany(message => new[] { message, message })], ct);
}
