using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PasidLedger.Application.Writing;

/// <summary>
/// UUIDv7 (RFC 9562 section 5.7) as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes them:
/// 48-bit Unix milliseconds, version 7, variant 10, the rest random. On Linux <c>Guid.NewGuid</c>,
/// and so <c>CreateVersion7</c>, reads <c>/dev/urandom</c> once per id: a system call that took a
/// third of the writer's own CPU per command (<c>ops/bench write</c>). Here the random bits come
/// from <see cref="RandomNumberGenerator"/>, filled for 32 ids at a time (one fill per id costs
/// more than the system call).
/// </summary>
internal static class Version7Ids
{
    private const int RandomBytesPerId = 10;

    [ThreadStatic]
    private static byte[]? random;

    [ThreadStatic]
    private static int taken;

    public static Guid Next(DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));
        if (random is null || taken == random.Length)
        {
            random ??= new byte[32 * RandomBytesPerId];
            RandomNumberGenerator.Fill(random);
            taken = 0;
        }

        Span<byte> bytes = stackalloc byte[16]; // big-endian, the order of the text form
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(milliseconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)milliseconds);
        random.AsSpan(taken, RandomBytesPerId).CopyTo(bytes[6..]);
        taken += RandomBytesPerId;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
