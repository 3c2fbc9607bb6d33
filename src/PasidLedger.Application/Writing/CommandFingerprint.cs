using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Application.Writing;

/// <summary>What identifies a command for idempotency: its type and a hash of its JSON.</summary>
public static class CommandFingerprint
{
    public static string Of(PoolCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var json = JsonSerializer.SerializeToUtf8Bytes(command, command.GetType(), LedgerJson.Options);
        return $"{command.GetType().Name}:{Convert.ToHexString(SHA256.HashData(json))[..32]}";
    }
}
