using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace PasidLedger.Api.Responses;

// Response bodies of the HTTP contract (camelCase on the wire). [AllowedValues] lists, for the OpenAPI
// document, the values a text field takes.

/// <summary>Capacity view of a pool.</summary>
public sealed record CapacityBody(string Pool, long Capacity, long Available, bool CapacityInstalled, long Version);

/// <summary>Result of install: the capacity view, and "ignored" with the reason when the capacity was already set.</summary>
public sealed record InstallBody(string Pool, long Capacity, long Available, bool CapacityInstalled, long Version,
    [property: AllowedValues("installed", "ignored")] string Outcome, string? Reason);

/// <summary>Set view with its members and SPID map.</summary>
public sealed record SetBody(int SetId, [property: AllowedValues("mm", "null")] string Type, string? Token, long Quota, int Count,
    [property: AllowedValues("live", "closing", "destroyed")] string State, IReadOnlyList<MemberBody> Members, IReadOnlyDictionary<string, long> Spids);

/// <summary>One member in a set view.</summary>
public sealed record MemberBody(long Id, int Generation, [property: AllowedValues("idle", "active", "free_pending")] string State, int Refs, long? Spid);

/// <summary>Refcount view of one allocated IOASID.</summary>
public sealed record RefcountBody(long Id, int Generation, int SetId, [property: AllowedValues("idle", "active", "free_pending")] string State, int Refs,
    IReadOnlyDictionary<string, int> Holders, long? Spid, string? Private);

/// <summary>Result of put.</summary>
public sealed record ReleaseBody(int Refs, bool Reclaimed, [property: AllowedValues("released", "reclaimed", "ignored")] string Outcome, string? Reason);

/// <summary>Result of free and of other calls the kernel may ignore (detach private data or SPID, unregister a notifier).</summary>
public sealed record OutcomeBody(
    [property: AllowedValues("free_pending", "reclaimed", "detached", "unbound", "unregistered", "ignored")] string Outcome, string? Reason);

/// <summary>Result of reserve.</summary>
public sealed record ReserveBody(long Reserved, long Available);

/// <summary>Result of cancel.</summary>
public sealed record AvailableBody(long Available);

/// <summary>Result of free-all.</summary>
public sealed record FreeAllBody(int SetId, int Reclaimed, int FreePending, [property: AllowedValues("done", "ignored")] string Outcome, string? Reason);

/// <summary>Result of an SPID lookup; null when INVALID.</summary>
public sealed record LookupBody(long? Id, string? Reason);

/// <summary>Result of a registration.</summary>
public sealed record NotifierAddedBody(int NotifierId, bool Active);

/// <summary>One registration in the notifier view.</summary>
public sealed record NotifierBody(int NotifierId, string Name, [property: AllowedValues("global", "set", "mm")] string Scope, int? SetId, string? Token,
    [property: AllowedValues("cpu", "iommu", "device", "last")] string Priority, string? Endpoint, IReadOnlyList<ReactionBody> Reactions, bool Active);

/// <summary>One immediate reaction of a registration, as the pool stored it (actions in camelCase).</summary>
public sealed record ReactionBody(
    [property: AllowedValues("alloc", "free", "bind", "unbind")] string On,
    [property: AllowedValues("get", "put", "queueWork", "detachSpid", "detachData", "free")] string Action,
    string? Holder);

/// <summary>One published notification.</summary>
public sealed record NotificationBody(long Version, [property: AllowedValues("alloc", "free", "bind", "unbind")] string Kind, long Id, int Generation,
    long? Spid, int SetId, string? Private, IReadOnlyList<string> Recipients);

/// <summary><c>find</c>: the private data of an IOASID.</summary>
public sealed record PrivateBody(long Id, string? Private);

/// <summary>One event of <c>GET …/events</c>: its persisted name as <paramref name="Type"/>, its body as <paramref name="Data"/>.</summary>
public sealed record EventBody(long Version, string Type, DateTimeOffset RecordedAt, Guid? CorrelationId, Guid? CausationId, JsonElement Data);

/// <summary>One refused command of <c>GET …/rejections</c>, with the command as it was sent (<paramref name="Command"/>).</summary>
public sealed record RejectionBody(long Id, string Reason, int Errno, bool Ignored, string? Detail, string? Caller, string? CommandType,
    JsonElement Command, DateTimeOffset RecordedAt);

/// <summary>
/// One entry of <c>GET …/ioasids/{id}/history</c> or <c>…/sets/{setId}/history</c>: an event (its persisted
/// name as <paramref name="Type"/>, its body as <paramref name="Data"/>) or a refused command
/// (<paramref name="Rejected"/>; its type, reason, negative errno and the command as <paramref name="Data"/>).
/// </summary>
public sealed record HistoryEntryBody(long Version, DateTimeOffset Time, string Type, int? Generation, string? Caller, Guid? CorrelationId,
    Guid? CausationId, bool Rejected, string? Reason, int? Errno, string? Detail, JsonElement Data);
