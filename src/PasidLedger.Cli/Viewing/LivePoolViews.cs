using PasidLedger.Application.ReadModels;
using PasidLedger.Cli.Commands;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Cli.Viewing;

/// <summary>The live read models of a pool known to exist (its capacity row read first).</summary>
internal sealed class LivePoolViews(ReadModelQueries queries, CapacityView capacity) : IPoolViews
{
    public string Heading => $"pool {capacity.Pool}: live read models";

    public Task<CapacityView> CapacityAsync(CancellationToken ct) => Task.FromResult(capacity);

    public async Task<SetView> SetAsync(int setId, CancellationToken ct) =>
        (await queries.SetsAsync(capacity.Pool, setId, null, ct).ConfigureAwait(false)).FirstOrDefault()
            ?? throw CliProblems.NotFound("UnknownSet", $"set {setId} does not exist");

    public Task<List<RefcountView>> MembersAsync(int setId, CancellationToken ct) => queries.IoasidsAsync(capacity.Pool, null, setId, ct);

    public async Task<RefcountView> IoasidAsync(uint id, CancellationToken ct) =>
        (await queries.IoasidsAsync(capacity.Pool, id, null, ct).ConfigureAwait(false)).FirstOrDefault()
            ?? throw CliProblems.NotFound("UnknownId", $"IOASID {id} is not allocated");
}
