using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Checkpoints;
using PasidLedger.Postgres.EventStore;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Relay;

/// <summary>The relay's reading of Marten's <c>mt_events</c>: events with the envelope they were appended with, and checkpoints.</summary>
public sealed class PostgresEventFeed(NpgsqlDataSource dataSource) : IEventFeed
{
    private readonly PostgresCheckpointStore checkpoints = new(dataSource);
    private readonly PoolTimeTravel history = new(dataSource);

    public async Task<IReadOnlyList<string>> PoolsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select id from mt_streams where starts_with(id, @prefix) order by id");
        command.Parameters.AddWithValue("prefix", PoolStreams.StreamPrefix);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var pools = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            pools.Add(reader.GetString(0)[PoolStreams.StreamPrefix.Length..]);
        }

        return pools;
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(string pool, long afterVersion, int max, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select version, id, type, data::text, timestamp, correlation_id, causation_id, user_name,
                   headers ->> @command_id, headers ->> @idempotency_key
            from mt_events where stream_id = @stream_id and version > @after order by version limit @max
            """);
        command.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
        command.Parameters.AddWithValue("after", afterVersion);
        command.Parameters.AddWithValue("max", max);
        command.Parameters.AddWithValue("command_id", EventHeaders.CommandId);
        command.Parameters.AddWithValue("idempotency_key", EventHeaders.IdempotencyKey);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            events.Add(new RecordedEvent(
                reader.GetGuid(1),
                reader.GetInt64(0),
                EventSerializer.Deserialize(reader.GetString(2), reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? Guid.Empty : Guid.Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                reader.IsDBNull(8) ? Guid.Empty : Guid.Parse(reader.GetString(8)),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return events;
    }

    public async Task<PoolState> StateAtAsync(string pool, long version, CancellationToken ct) =>
        version == 0 ? new PoolState()
        : (await history.AtVersionAsync(pool, version, ct).ConfigureAwait(false))?.State
            ?? throw new InvalidOperationException($"Pool {pool} has no version {version} to relay from.");

    public Task<long> CheckpointAsync(string reader, string pool, CancellationToken ct) => checkpoints.LoadCheckpointAsync(reader, pool, ct);

    public async Task SaveCheckpointAsync(string reader, string pool, long version, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await checkpoints.SaveCheckpointAsync(conn, tx, reader, pool, version, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }
}
