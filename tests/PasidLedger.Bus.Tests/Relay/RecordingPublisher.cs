using System.Text;
using PasidLedger.Application.Ports;
using PasidLedger.Bus.Relay;

namespace PasidLedger.Bus.Tests.Relay;

/// <summary>A broker that confirms what it is sent, or refuses a batch while <see cref="Refusing"/> is set.</summary>
internal sealed class RecordingPublisher : IRelayPublisher
{
    public List<OutgoingMessage> Confirmed { get; } = [];

    public bool Refusing { get; set; }

    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        if (Refusing)
        {
            throw new IOException("the broker did not confirm");
        }

        Confirmed.AddRange(messages);
        return Task.CompletedTask;
    }
}

/// <summary>One message per event, routed by pool and version, so a test can read what was sent in which order.</summary>
internal sealed class OneMessagePerEvent : IRelayMessages
{
    public IEnumerable<OutgoingMessage> MessagesOf(string pool, RecordedEvent recorded, Domain.State.WorkItem? becameHead) =>
        [new("test", $"{pool}.{recorded.Version}", recorded.EventId, "test", Encoding.UTF8.GetBytes("{}"), new Dictionary<string, string>())];
}
