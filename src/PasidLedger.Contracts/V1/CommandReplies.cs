namespace PasidLedger.Contracts.V1;

// The reply parts of a CommandResult, sent by the ledger inside it; each has the fields of the HTTP answer
// it is named after (src/PasidLedger.Api/Responses/Bodies.cs).

/// <summary>A pool's capacity view (HTTP <c>CapacityBody</c>).</summary>
public sealed record CapacityReply(string Pool, long Capacity, long Available, bool CapacityInstalled, long Version);

/// <summary>What a reserve took and what is left (HTTP <c>ReserveBody</c>).</summary>
public sealed record ReservationReply(long Reserved, long Available);

/// <summary>A set (HTTP <c>SetBody</c>): <paramref name="Type"/> <c>mm</c>|<c>null</c>, <paramref name="State"/> <c>live</c>|<c>closing</c>|<c>destroyed</c>, <paramref name="Spids"/> guest PASID (decimal text) to host ID.</summary>
public sealed record SetReply(int SetId, string Type, string? Token, long Quota, int Count, string State,
    IReadOnlyList<SetMemberReply> Members, IReadOnlyDictionary<string, uint> Spids);

/// <summary>One member of a <see cref="SetReply"/> (HTTP <c>MemberBody</c>); <paramref name="State"/> <c>idle</c>|<c>active</c>|<c>free_pending</c>.</summary>
public sealed record SetMemberReply(uint Id, int Generation, string State, int Refs, uint? Spid);

/// <summary>One IOASID's refcount view (HTTP <c>RefcountBody</c>): references by holder, SPID and private data.</summary>
public sealed record IoasidReply(uint Id, int Generation, int SetId, string State, int Refs,
    IReadOnlyDictionary<string, int> Holders, uint? Spid, string? Private);

/// <summary>What a put left (HTTP <c>ReleaseBody</c>, its outcome in <see cref="CommandResult.Outcome"/>).</summary>
public sealed record ReleaseReply(int Refs, bool Reclaimed);

/// <summary>What free_all_in_set did (HTTP <c>FreeAllBody</c>, its outcome in <see cref="CommandResult.Outcome"/>).</summary>
public sealed record FreeAllReply(int SetId, int Reclaimed, int FreePending);

/// <summary>find_by_spid's host ID, null for INVALID (HTTP <c>LookupBody</c>, its reason in <see cref="CommandResult.Reason"/>).</summary>
public sealed record LookupReply(uint? Id);

/// <summary>A registration (HTTP <c>NotifierAddedBody</c>); <paramref name="Active"/> false while an mm registration waits for its set.</summary>
public sealed record NotifierReply(int NotifierId, bool Active);

/// <summary>queue_work's boolean: false when <paramref name="WorkId"/> was already queued.</summary>
public sealed record WorkReply(string WorkId, bool Queued);
