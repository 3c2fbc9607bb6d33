namespace PasidLedger.Api.Requests;

// Request bodies. Every field is nullable so a missing field is reported by name, not defaulted.

/// <summary>
/// A body that may name a set or a generation. Both are non-negative when given; the pool route
/// group checks them before any endpoint runs (<c>RequestShape</c>).
/// </summary>
public interface IHandleFields
{
    int? SetId => null;

    int? Generation => null;
}

/// <summary><c>PUT /v1/pools/{pool}</c> options.</summary>
public sealed record CreatePoolRequest(string? Dispatch, bool? AutoDestroyWhenEmpty);

/// <summary><c>capacity/install</c>.</summary>
public sealed record InstallCapacityRequest(long? Total);

/// <summary><c>capacity/reserve</c> and <c>capacity/cancel</c>.</summary>
public sealed record CapacityCountRequest(long? Count);

/// <summary><c>POST sets</c>.</summary>
public sealed record CreateSetRequest(string? Type, string? Token, long? Quota);

/// <summary><c>PATCH sets/{setId}</c>.</summary>
public sealed record AdjustSetRequest(long? Quota);

/// <summary><c>POST sets/{setId}/ioasids</c>.</summary>
public sealed record AllocateRequest(long? Min, long? Max, string? Private);

/// <summary><c>POST ioasids/{id}/refs</c>.</summary>
public sealed record AcquireRefRequest(string? Holder, int? SetId, int? Generation, bool? IfOwned) : IHandleFields;

/// <summary><c>POST ioasids/{id}/refs/release</c>.</summary>
public sealed record ReleaseRefRequest(string? Holder, int? SetId, int? Generation) : IHandleFields;

/// <summary><c>POST ioasids/{id}/free</c>.</summary>
public sealed record FreeRequest(int? SetId, int? Generation) : IHandleFields;

/// <summary><c>PUT ioasids/{id}/private</c>.</summary>
public sealed record PrivateRequest(string? Data, int? Generation) : IHandleFields;

/// <summary><c>PUT ioasids/{id}/spid</c>.</summary>
public sealed record SpidRequest(long? Spid, int? Generation) : IHandleFields;

/// <summary><c>POST sets/{setId}/spids/{spid}/lookup</c>.</summary>
public sealed record SpidLookupRequest(bool? Get, string? Holder);

/// <summary><c>POST notifiers</c>.</summary>
public sealed record RegisterNotifierRequest(
    string? Name, string? Scope, int? SetId, string? Token, string? Priority, string? Endpoint, IReadOnlyList<ReactionRequest>? Reactions)
    : IHandleFields;

/// <summary>One immediate reaction of a registration.</summary>
public sealed record ReactionRequest(string? On, string? Action, string? Holder);
