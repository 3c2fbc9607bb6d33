using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.State;
using static PasidLedger.Domain.Tests.Properties.SpecOutcome;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>IOASID commands: DOMAIN.md 2.3, 2.4, T1–T15 and R10/R18.</summary>
public static partial class SpecOracle
{
    private static SpecOutcome ForIoasid(PoolState state, PoolCommand command) => command switch
    {
        // get: unknown -EINVAL, FREE_PENDING -EBUSY, a destroyed or unknown set -EINVAL (3.5 Model), another set -EACCES (2.3, T12, T15)
        AcquireRef c => Resolve(state, c.Id, c.Generation, Error(Errno.EINVAL), r =>
            Blank(c.Holder) ? Error(Errno.EINVAL) : r.FreeRequested ? Error(Errno.EBUSY)
            : c.SetId is { } named && state.LiveSet(named) is null ? Error(Errno.EINVAL)
            : c.SetId is { } s && s != r.SetId ? Error(Errno.EACCES) : Ok),
        // get_if_owned: unknown -ENOENT, not MM -EINVAL, not the owner -EPERM, FREE_PENDING -EBUSY (V4 11)
        AcquireRefIfOwned c => Resolve(state, c.Id, c.Generation, Error(Errno.ENOENT), r =>
            Blank(c.Holder) ? Error(Errno.EINVAL) : state.Sets[r.SetId].Type != Model.SetType.Mm ? Error(Errno.EINVAL)
            : c.Caller != state.Sets[r.SetId].Token ? Error(Errno.EPERM) : r.FreeRequested ? Error(Errno.EBUSY) : Ok),
        // put: unknown or wrong set → false (ignored); a holder without a reference is a Model error
        ReleaseRef c => Resolve(state, c.Id, c.Generation, Ignore, r =>
            Blank(c.Holder) ? Error(Errno.EINVAL) : c.SetId is { } s && s != r.SetId ? Ignore
            : r.Holders.CountOf(c.Holder) == 0 ? Error(Errno.EINVAL) : Ok),
        // free: unknown, not the owner (NULL included, D12) or already FREE_PENDING → ignored (T11)
        FreeIoasid c => Resolve(state, c.Id, c.Generation, Ignore, r => c.SetId != r.SetId || r.FreeRequested ? Ignore : Ok),
        AttachPrivate c => Resolve(state, c.Id, c.Generation, Error(Errno.ENOENT), r => r.Private is not null ? Error(Errno.EBUSY) : Ok),
        DetachPrivate c => Resolve(state, c.Id, c.Generation, Ignore, r => r.Private is null ? Ignore : Ok),
        // attach_spid: INVALID -EINVAL, unknown -ENOENT, FREE_PENDING or SPID present -EBUSY (D7), collision -EINVAL
        AttachSpid c when c.Spid == Ioasid.Invalid => Error(Errno.EINVAL),
        AttachSpid c => Resolve(state, c.Id, c.Generation, Error(Errno.ENOENT), r =>
            r.FreeRequested || r.HasSpid ? Error(Errno.EBUSY) : state.Sets[r.SetId].IdsBySpid.ContainsKey(c.Spid) ? Error(Errno.EINVAL) : Ok),
        DetachSpid c => Resolve(state, c.Id, c.Generation, Ignore, r => r.HasSpid ? Ok : Ignore),
        // find_by_spid(get): INVALID in or out, no reference on a FREE_PENDING match (R10)
        AcquireRefBySpid c => state.LiveSet(c.SetId) is not { } set ? Ignore
            : Blank(c.Holder) ? Error(Errno.EINVAL)
            : c.Spid == Ioasid.Invalid || !set.IdsBySpid.TryGetValue(c.Spid, out var id) || state.Find(id)!.FreeRequested ? Ignore : Ok,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "no expectation for this command"),
    };

    /// <summary>R18: a handle with a generation that is not the current one is refused before anything else.</summary>
    private static SpecOutcome Resolve(PoolState state, uint id, int? generation, SpecOutcome unknown, Func<IoasidRecord, SpecOutcome> then) =>
        state.Find(id) is not { } record ? unknown
            : generation is { } g && g != record.Generation ? Error(Errno.ESTALE)
            : then(record);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
