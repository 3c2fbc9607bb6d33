using System.Diagnostics.CodeAnalysis;

namespace PasidLedger.Bus;

/// <summary>What the ledger and its consumers accept as RabbitMQ's address: an absolute <c>amqp://</c> or <c>amqps://</c> URL.</summary>
public static class BrokerUrl
{
    public static bool TryRead(string? text, [NotNullWhen(true)] out Uri? broker) =>
        Uri.TryCreate(text, UriKind.Absolute, out broker) && broker.Scheme is "amqp" or "amqps";
}
