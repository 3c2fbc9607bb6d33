using System.Text.Json;
using PasidLedger.Application.Writing;

namespace PasidLedger.Application.Serialization;

/// <summary>
/// What an idempotency key stores: the typed <see cref="CommandResult"/> as JSON, its reply under its
/// persisted name (<see cref="Domain.Deciding.CommandReply"/>) and its rows as objects, never an HTTP body.
/// </summary>
public static class ResultSerializer
{
    public static string Serialize(CommandResult result) => JsonSerializer.Serialize(result, LedgerJson.Options);

    public static CommandResult Deserialize(string json) =>
        JsonSerializer.Deserialize<CommandResult>(json, LedgerJson.Options) ?? throw new JsonException("A stored command result is empty.");
}
