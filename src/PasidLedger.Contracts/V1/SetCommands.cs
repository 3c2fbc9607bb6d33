namespace PasidLedger.Contracts.V1;

// Set commands (DOMAIN.md 2.2, 3.5): sent by a VM's client (VFIO, /dev/ioasid) or an operator to the ledger
// on Exchanges.Commands, each answered with a CommandResult (its Set, or FreeAll for free_all_in_set).

/// <summary><c>set_alloc(token, quota, type)</c>. Like <c>POST sets</c>.</summary>
/// <param name="Type"><c>mm</c> (a process's address space, with its <paramref name="Token"/>) or <c>null</c>.</param>
/// <param name="Quota">How many IDs the set may hold; 0 is unlimited and unreserved (only an operator sets another).</param>
public sealed record CreateSetCommand(string Pool, string Type, string? Token, long Quota)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.create-set.v1";
}

/// <summary><c>adjust_set(set, quota)</c> (operator, v3 semantics). Like <c>PATCH sets/{setId}</c>.</summary>
public sealed record AdjustSetQuotaCommand(string Pool, int SetId, long Quota)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.adjust-set-quota.v1";
}

/// <summary><c>set_free(set)</c>: destroy an empty live set. Like <c>DELETE sets/{setId}</c>.</summary>
public sealed record FreeSetCommand(string Pool, int SetId)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.free-set.v1";
}

/// <summary>The set's owner is going away: free its members and close it. Like <c>POST sets/{setId}/release</c>.</summary>
public sealed record ReleaseSetCommand(string Pool, int SetId)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.release-set.v1";
}

/// <summary><c>free_all_in_set(set)</c>. Like <c>POST sets/{setId}/free-all</c>.</summary>
public sealed record FreeAllInSetCommand(string Pool, int SetId)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.free-all-in-set.v1";
}
