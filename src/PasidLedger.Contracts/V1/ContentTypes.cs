namespace PasidLedger.Contracts.V1;

/// <summary>The one content type of the wire format: every body is plain JSON, camelCase, without a library envelope.</summary>
public static class ContentTypes
{
    /// <summary>The AMQP <c>content_type</c> of every message.</summary>
    public const string Json = "application/json";
}
