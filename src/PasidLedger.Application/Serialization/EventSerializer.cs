using System.Text.Json;
using PasidLedger.Domain.Events;

namespace PasidLedger.Application.Serialization;

/// <summary>Event bodies as JSON under their persisted names (<see cref="EventNames"/>); the CLR name is never stored.</summary>
public static class EventSerializer
{
    /// <summary>The persisted name and JSON body of an event.</summary>
    public static (string Type, string Body) Serialize(PoolEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return (EventNames.Of(@event), JsonSerializer.Serialize(@event, @event.GetType(), LedgerJson.Options));
    }

    /// <summary>Reads an event back; an unknown name is a corrupt or newer stream.</summary>
    public static PoolEvent Deserialize(string type, string body)
    {
        var clrType = EventNames.TypeOf(type) ?? throw new UnknownEventTypeException(type);
        return (PoolEvent)(JsonSerializer.Deserialize(body, clrType, LedgerJson.Options)
            ?? throw new JsonException($"Event {type} has an empty body."));
    }
}
