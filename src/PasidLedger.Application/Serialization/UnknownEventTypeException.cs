namespace PasidLedger.Application.Serialization;

/// <summary>A stored event whose persisted name this build does not know.</summary>
public sealed class UnknownEventTypeException(string type)
    : Exception($"Unknown event type '{type}': the stream was written by a newer or different build.")
{
    /// <summary>The persisted name that was not recognised.</summary>
    public string Type { get; } = type;
}
