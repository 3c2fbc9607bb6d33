using PasidLedger.Application.ReadModels;
using PasidLedger.Cli.Commands;
using PasidLedger.Postgres.History;

namespace PasidLedger.Cli.Viewing;

/// <summary>A pool as it stood right after a version (time travel): rows projected from the folded state, as <c>GET …?asOf=</c> builds them.</summary>
internal sealed class PastPoolViews(PoolAsOf past) : IPoolViews
{
    public string Heading => $"pool {past.State.Name} as of version {past.Version}, appended {CliText.Time(past.Time)}";

    public Task<CapacityView> CapacityAsync(CancellationToken ct) => Task.FromResult(ReadModelProjector.Capacity(past.State));

    public Task<SetView> SetAsync(int setId, CancellationToken ct) => Task.FromResult(
        past.State.Sets.GetValueOrDefault(setId) is { } set
            ? ReadModelProjector.Set(past.State, set)
            : throw CliProblems.NotFound("UnknownSet", $"set {setId} did not exist at version {past.Version}"));

    public Task<List<RefcountView>> MembersAsync(int setId, CancellationToken ct) => Task.FromResult(ReadModelProjector.Members(past.State, setId));

    public Task<RefcountView> IoasidAsync(uint id, CancellationToken ct) => Task.FromResult(
        past.State.Find(id) is { } record
            ? ReadModelProjector.Refcount(past.State, record)
            : throw CliProblems.NotFound("UnknownId", $"IOASID {id} was not allocated at version {past.Version}"));
}
