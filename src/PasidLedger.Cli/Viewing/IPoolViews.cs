using PasidLedger.Application.ReadModels;

namespace PasidLedger.Cli.Viewing;

/// <summary>
/// The rows <c>pasidledger show</c> prints for one pool: the live read models (<see cref="LivePoolViews"/>)
/// or a past state (<see cref="PastPoolViews"/>). A set or IOASID that is not there is refused, as over HTTP.
/// </summary>
internal interface IPoolViews
{
    /// <summary>What the rows are of: the live read models, or which version and time.</summary>
    string Heading { get; }

    Task<CapacityView> CapacityAsync(CancellationToken ct);

    Task<SetView> SetAsync(int setId, CancellationToken ct);

    /// <summary>The set's members by ID, as <c>refcount_view</c> lists them.</summary>
    Task<List<RefcountView>> MembersAsync(int setId, CancellationToken ct);

    Task<RefcountView> IoasidAsync(uint id, CancellationToken ct);
}
