using System.Security.Cryptography;
using System.Text;

namespace PasidLedger.Contracts.V1;

/// <summary>
/// The message-id rule of the relay (ARCHITECTURE.md 3): a public message's id is its event's id; a
/// message to one recipient (<see cref="Notification"/>, <see cref="RunWork"/>) has a name-based UUID
/// (RFC 9562 version 5, SHA-1) of <c>"&lt;eventId&gt;/&lt;recipient&gt;"</c> in <see cref="Namespace"/>, so a
/// resend after a crash carries the same id and a consumer can drop the duplicate.
/// </summary>
public static class MessageIds
{
    /// <summary>The namespace of delivery ids: UUIDv5 of the URL <c>https://pasidledger/contracts/v1/message-id</c>.</summary>
    public static readonly Guid Namespace = new("f0ac8f53-0459-5fcd-8379-37dd386fcdb2");

    /// <summary>The id of a public message: the event's id.</summary>
    public static Guid ForPublicEvent(Guid eventId) => eventId;

    /// <summary>
    /// The id of the message about event <paramref name="eventId"/> to <paramref name="recipient"/>: UUIDv5 over the
    /// UTF-8 bytes of the event id (lowercase, hyphenated), '/', and the recipient name.
    /// </summary>
    public static Guid ForDelivery(Guid eventId, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return NameBased(Namespace, $"{eventId:D}/{recipient}");
    }

    /// <summary>RFC 9562 section 5.5: SHA-1 of namespace bytes then name bytes, first 16 bytes, version 5, variant 10.</summary>
    private static Guid NameBased(Guid space, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        space.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 specifies; it names messages, it protects nothing.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
