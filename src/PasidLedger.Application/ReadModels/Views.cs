using System.Text.Json.Serialization;
using PasidLedger.Application.Serialization;

namespace PasidLedger.Application.ReadModels;

/// <summary>Refcount view: one allocated IOASID (ARCHITECTURE.md 4).</summary>
/// <param name="Holders">References per holder, in first-acquisition order; kept in that order as JSON (<see cref="HolderListConverter"/>).</param>
public sealed record RefcountView(
    string Pool, uint Id, int Generation, int SetId, string State, int Refs,
    [property: JsonConverter(typeof(HolderListConverter))] IReadOnlyDictionary<string, int> Holders, uint? Spid, string? Private)
{
    /// <inheritdoc />
    public bool Equals(RefcountView? other) =>
        other is not null
        && (Pool, Id, Generation, SetId, State, Refs, Spid, Private) ==
           (other.Pool, other.Id, other.Generation, other.SetId, other.State, other.Refs, other.Spid, other.Private)
        && Holders.Count == other.Holders.Count
        && Holders.All(h => other.Holders.TryGetValue(h.Key, out var n) && n == h.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Pool, Id, Generation);
}

/// <summary>Set view row; members are the refcount rows with this set ID.</summary>
public sealed record SetView(string Pool, int SetId, string Type, string? Token, long Quota, int Count, string State);

/// <summary>Capacity view of a pool.</summary>
public sealed record CapacityView(string Pool, long Capacity, long Available, bool CapacityInstalled, long Version);

/// <summary>Notifier view: a registration; chains are ordered by priority, then <see cref="ChainOrder"/>.</summary>
public sealed record NotifierView(
    string Pool, int NotifierId, string Name, string Scope, int? SetId, string? Token, string Priority,
    string? Endpoint, string ReactionsJson, bool Active, long ChainOrder);
