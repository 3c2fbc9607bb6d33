using Npgsql;
using NpgsqlTypes;

namespace PasidLedger.Postgres.Audit;

/// <summary>A tally of refused requests by one principal on one route, as stored per hour (migration 0013).</summary>
/// <param name="Route">The route pattern, e.g. <c>/v1/pools/{pool}/ioasids/{id}/free</c>.</param>
/// <param name="LastPath">The last refused request's path, with its pool and IDs.</param>
/// <param name="LastDetail">Why the last one was refused.</param>
public sealed record AccessRefusal(
    DateTimeOffset Hour,
    string Principal,
    string Role,
    string Method,
    string Route,
    long Count,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    string? LastPool,
    string LastPath,
    string LastDetail);

/// <summary>Adds tallies of refused requests to their hour's rows, and reads them back newest first.</summary>
public sealed class AccessRefusals(NpgsqlDataSource dataSource)
{
    /// <summary>Adds each tally to the row of its hour (one statement per tally, in one batch and transaction).</summary>
    public async Task AddAsync(IReadOnlyCollection<AccessRefusal> tallies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        if (tallies.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var tally in tallies)
        {
            batch.BatchCommands.Add(Upsert(tally));
        }

        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Deletes the rows last added to before <paramref name="cutOff"/>; returns how many.</summary>
    public async Task<long> PruneAsync(DateTimeOffset cutOff, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from access_refusals where last_at < @cut_off");
        command.Parameters.AddWithValue("cut_off", cutOff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The newest rows first, optionally of one principal.</summary>
    public async Task<IReadOnlyList<AccessRefusal>> ListAsync(string? principal, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select hour, principal, role, method, route, count, first_at, last_at, last_pool, last_path, last_detail
            from access_refusals
            where (@principal::text is null or principal = @principal)
            order by last_at desc, principal, method, route
            limit @limit
            """);
        command.Parameters.AddTyped("principal", NpgsqlDbType.Text, principal);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<AccessRefusal>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(new AccessRefusal(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetString(10)));
        }

        return rows;
    }

    private static NpgsqlBatchCommand Upsert(AccessRefusal tally)
    {
        var command = new NpgsqlBatchCommand("""
            insert into access_refusals (hour, principal, role, method, route, count, first_at, last_at, last_pool, last_path, last_detail)
            values (@hour, @principal, @role, @method, @route, @count, @first_at, @last_at, @last_pool, @last_path, @last_detail)
            on conflict (hour, principal, method, route) do update set
                count = access_refusals.count + excluded.count,
                role = excluded.role,
                last_at = excluded.last_at,
                last_pool = excluded.last_pool,
                last_path = excluded.last_path,
                last_detail = excluded.last_detail
            """);
        command.Parameters.AddWithValue("hour", tally.Hour.ToUniversalTime());
        command.Parameters.AddWithValue("principal", tally.Principal);
        command.Parameters.AddWithValue("role", tally.Role);
        command.Parameters.AddWithValue("method", tally.Method);
        command.Parameters.AddWithValue("route", tally.Route);
        command.Parameters.AddWithValue("count", tally.Count);
        command.Parameters.AddWithValue("first_at", tally.FirstAt.ToUniversalTime());
        command.Parameters.AddWithValue("last_at", tally.LastAt.ToUniversalTime());
        command.Parameters.AddTyped("last_pool", NpgsqlDbType.Text, tally.LastPool);
        command.Parameters.AddWithValue("last_path", tally.LastPath);
        command.Parameters.AddWithValue("last_detail", tally.LastDetail);
        return command;
    }
}
