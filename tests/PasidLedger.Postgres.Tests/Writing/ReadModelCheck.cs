using Npgsql;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>The inline read models of a pool must equal a fresh fold of its events, row by row (ARCHITECTURE.md 4).</summary>
internal static class ReadModelCheck
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task ShouldEqualFoldAsync(NpgsqlDataSource dataSource, string pool, PoolState folded)
    {
        var expected = ReadModelProjector.All(folded);
        var queries = new ReadModelQueries(dataSource);

        (await queries.CapacityAsync(pool, Ct)).ShouldBe(expected.Capacity);
        (await queries.SetsAsync(pool, null, null, Ct)).ShouldBe(expected.Sets);
        (await queries.IoasidsAsync(pool, null, null, Ct)).ShouldBe(expected.Ioasids);
        (await queries.NotifiersAsync(pool, Ct)).OrderBy(n => n.NotifierId).ShouldBe(expected.Notifiers);
        (await SpidIndexAsync(dataSource, pool)).ShouldBe(
            folded.Sets.Values.SelectMany(set => set.IdsBySpid.Select(b => (set.SetId, (long)b.Key, (long)b.Value))).Order());
    }

    private static async Task<List<(int SetId, long Spid, long Id)>> SpidIndexAsync(NpgsqlDataSource dataSource, string pool)
    {
        await using var cmd = dataSource.CreateCommand("select set_id, spid, id from spid_index where pool = @pool order by set_id, spid, id");
        cmd.Parameters.AddWithValue("pool", pool);
        var rows = new List<(int, long, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
