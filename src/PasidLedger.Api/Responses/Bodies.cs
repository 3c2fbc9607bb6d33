namespace PasidLedger.Api.Responses;

// Response bodies of the HTTP contract (camelCase on the wire).

/// <summary>Capacity view of a pool.</summary>
public sealed record CapacityBody(string Pool, long Capacity, long Available, bool CapacityInstalled, long Version);

/// <summary>Result of install: the capacity view, and "ignored" with the reason when the capacity was already set.</summary>
public sealed record InstallBody(string Pool, long Capacity, long Available, bool CapacityInstalled, long Version, string Outcome, string? Reason);

/// <summary>Set view with its members and SPID map.</summary>
public sealed record SetBody(int SetId, string Type, string? Token, long Quota, int Count, string State,
    IReadOnlyList<MemberBody> Members, IReadOnlyDictionary<string, long> Spids);

/// <summary>One member in a set view.</summary>
public sealed record MemberBody(long Id, int Generation, string State, int Refs, long? Spid);

/// <summary>Refcount view of one allocated IOASID.</summary>
public sealed record RefcountBody(long Id, int Generation, int SetId, string State, int Refs,
    IReadOnlyDictionary<string, int> Holders, long? Spid, string? Private);

/// <summary>Result of put.</summary>
public sealed record ReleaseBody(int Refs, bool Reclaimed, string Outcome, string? Reason);

/// <summary>Result of free and of other calls the kernel may ignore.</summary>
public sealed record OutcomeBody(string Outcome, string? Reason);

/// <summary>Result of reserve.</summary>
public sealed record ReserveBody(long Reserved, long Available);

/// <summary>Result of cancel.</summary>
public sealed record AvailableBody(long Available);

/// <summary>Result of free-all.</summary>
public sealed record FreeAllBody(int SetId, int Reclaimed, int FreePending, string Outcome, string? Reason);

/// <summary>Result of an SPID lookup; null when INVALID.</summary>
public sealed record LookupBody(long? Id, string? Reason);

/// <summary>Result of a registration.</summary>
public sealed record NotifierAddedBody(int NotifierId, bool Active);

/// <summary>One registration in the notifier view.</summary>
public sealed record NotifierBody(int NotifierId, string Name, string Scope, int? SetId, string? Token, string Priority,
    string? Endpoint, System.Text.Json.JsonElement Reactions, bool Active);

/// <summary>One published notification.</summary>
public sealed record NotificationBody(long Version, string Kind, long Id, int Generation, long? Spid, int SetId, string? Private,
    IReadOnlyList<string> Recipients);

/// <summary><c>find</c>: the private data of an IOASID.</summary>
public sealed record PrivateBody(long Id, string? Private);

/// <summary>
/// One entry of <c>GET …/ioasids/{id}/history</c> or <c>…/sets/{setId}/history</c>: an event (its persisted
/// name as <paramref name="Type"/>, its body as <paramref name="Data"/>) or a refused command
/// (<paramref name="Rejected"/>; its type, reason, negative errno and the command as <paramref name="Data"/>).
/// </summary>
public sealed record HistoryEntryBody(long Version, DateTimeOffset Time, string Type, int? Generation, string? Caller, Guid? CorrelationId,
    Guid? CausationId, bool Rejected, string? Reason, int? Errno, string? Detail, System.Text.Json.JsonElement Data);
