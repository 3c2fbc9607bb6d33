using System.ComponentModel.DataAnnotations;

namespace PasidLedger.Api.Requests;

// Request bodies. Every field is nullable so a missing field is reported by name, not defaulted.
// The attributes describe the contract in the OpenAPI document: [Required] fields, ranges, lengths
// and the allowed values of a text field; nothing checks them. Each endpoint enforces the same rules
// with its Validate checks (and words the 400), so a change to one is a change to the other.

/// <summary>
/// A body that may name a set or a generation. Both are non-negative when given; the pool route
/// group checks them before any endpoint runs (<c>RequestShape</c>).
/// </summary>
public interface IHandleFields
{
    int? SetId => null;

    int? Generation => null;
}

/// <summary><c>PUT /v1/pools/{pool}</c> options, fixed at creation; the body may be absent.</summary>
/// <param name="Dispatch">How notifications are ordered: per chain with the global chain first (the default), or merged by priority.</param>
/// <param name="AutoDestroyWhenEmpty">V4 literal: destroy a live set when its last member is reclaimed (DOMAIN.md 3.5); false when absent.</param>
public sealed record CreatePoolRequest(
    [property: AllowedValues("perChainGlobalFirst", "mergedByPriority")] string? Dispatch,
    bool? AutoDestroyWhenEmpty);

/// <summary><c>capacity/install</c>.</summary>
/// <param name="Total">The pool's capacity; ignored once a capacity was installed.</param>
public sealed record InstallCapacityRequest([property: Required, U32] long? Total);

/// <summary><c>capacity/reserve</c> and <c>capacity/cancel</c>.</summary>
/// <param name="Count">How many IDs to reserve or to give back.</param>
public sealed record CapacityCountRequest([property: Required, U32] long? Count);

/// <summary><c>POST sets</c>.</summary>
/// <param name="Type">An mm set (a process's address space, with its token) or a null set.</param>
/// <param name="Token">The mm token of an mm set.</param>
/// <param name="Quota">How many IDs the set may hold; taken from the pool's available capacity.</param>
public sealed record CreateSetRequest(
    [property: Required, AllowedValues("mm", "null")] string? Type,
    [property: MaxLength(200)] string? Token,
    [property: Required, U32] long? Quota);

/// <summary><c>PATCH sets/{setId}</c>.</summary>
/// <param name="Quota">The set's new quota.</param>
public sealed record AdjustSetRequest([property: Required, U32] long? Quota);

/// <summary><c>POST sets/{setId}/ioasids</c>.</summary>
/// <param name="Min">The lowest acceptable ID.</param>
/// <param name="Max">The highest acceptable ID.</param>
/// <param name="Private">Private data to attach at allocation.</param>
public sealed record AllocateRequest(
    [property: Required, U32] long? Min,
    [property: Required, U32] long? Max,
    [property: MaxLength(4096)] string? Private);

/// <summary><c>POST ioasids/{id}/refs</c>.</summary>
/// <param name="Holder">Who holds the reference.</param>
/// <param name="SetId">The set the caller believes owns the ID; another set is refused.</param>
/// <param name="Generation">The generation of the handle; a stale one is refused (409 StaleHandle).</param>
/// <param name="IfOwned">get_if_owned: take the reference only when the caller (the token's principal) is the set's mm.</param>
public sealed record AcquireRefRequest(
    [property: Required, Length(1, 200)] string? Holder,
    [property: Range(0, int.MaxValue)] int? SetId,
    [property: Range(0, int.MaxValue)] int? Generation,
    bool? IfOwned) : IHandleFields;

/// <summary><c>POST ioasids/{id}/refs/release</c>.</summary>
/// <param name="Holder">Who held the reference.</param>
/// <param name="SetId">The set the caller believes owns the ID.</param>
/// <param name="Generation">The generation of the handle.</param>
public sealed record ReleaseRefRequest(
    [property: Required, Length(1, 200)] string? Holder,
    [property: Range(0, int.MaxValue)] int? SetId,
    [property: Range(0, int.MaxValue)] int? Generation) : IHandleFields;

/// <summary><c>POST ioasids/{id}/free</c>.</summary>
/// <param name="SetId">The set the caller believes owns the ID; another set is ignored.</param>
/// <param name="Generation">The generation of the handle.</param>
public sealed record FreeRequest(
    [property: Range(0, int.MaxValue)] int? SetId,
    [property: Range(0, int.MaxValue)] int? Generation) : IHandleFields;

/// <summary><c>PUT ioasids/{id}/private</c>.</summary>
/// <param name="Data">The private data.</param>
/// <param name="Generation">The generation of the handle.</param>
public sealed record PrivateRequest(
    [property: Required, Length(1, 4096)] string? Data,
    [property: Range(0, int.MaxValue)] int? Generation) : IHandleFields;

/// <summary><c>PUT ioasids/{id}/spid</c>.</summary>
/// <param name="Spid">The guest PASID to bind.</param>
/// <param name="Generation">The generation of the handle.</param>
public sealed record SpidRequest(
    [property: Required, U32] long? Spid,
    [property: Range(0, int.MaxValue)] int? Generation) : IHandleFields;

/// <summary><c>POST sets/{setId}/spids/{spid}/lookup</c>; the body may be absent.</summary>
/// <param name="Get">True: take a reference for <c>holder</c> (a command); absent or false: only look up (a query).</param>
/// <param name="Holder">Who takes the reference; required when <c>get</c> is true.</param>
public sealed record SpidLookupRequest(bool? Get, [property: Length(1, 200)] string? Holder);

/// <summary><c>POST notifiers</c>.</summary>
/// <param name="Name">The notifier's name: the token's principal, unless the caller is the operator.</param>
/// <param name="Scope">The global chain, one set's chain, or an mm registration (active once a set of its token exists).</param>
/// <param name="SetId">The set of a <c>set</c> registration; required when <c>scope</c> is set.</param>
/// <param name="Token">The mm token of an <c>mm</c> registration; required (1 to 200 characters) when <c>scope</c> is mm.</param>
/// <param name="Priority">The place in its chain: cpu first, then iommu, device, last.</param>
/// <param name="Endpoint">Where the notifier is reached.</param>
/// <param name="Reactions">What the notifier does at once when notified.</param>
public sealed record RegisterNotifierRequest(
    [property: Required, Length(1, 200)] string? Name,
    [property: Required, AllowedValues("global", "set", "mm")] string? Scope,
    [property: Range(0, int.MaxValue)] int? SetId,
    string? Token,
    [property: Required, AllowedValues("cpu", "iommu", "device", "last")] string? Priority,
    [property: MaxLength(500)] string? Endpoint,
    IReadOnlyList<ReactionRequest>? Reactions)
    : IHandleFields;

/// <summary>One immediate reaction of a registration.</summary>
/// <param name="On">The notification it reacts to.</param>
/// <param name="Action">What it does.</param>
/// <param name="Holder">The holder a get or put names.</param>
public sealed record ReactionRequest(
    [property: Required, AllowedValues("alloc", "free", "bind", "unbind")] string? On,
    [property: Required, AllowedValues("get", "put", "queue_work", "detach_spid", "detach_data", "free")] string? Action,
    string? Holder);
