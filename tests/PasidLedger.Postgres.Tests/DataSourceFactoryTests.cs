using Npgsql;

namespace PasidLedger.Postgres.Tests;

/// <summary>Every connection of the data source works in the configured schema.</summary>
public sealed class DataSourceFactoryTests(PostgresServer server)
{
    [Fact]
    public async Task Connections_UseTheSchemaAsTheirSearchPath()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var schema = TestSchema.Create(server);
        await schema.Migrator().MigrateAsync(ct);

        await using var conn = await schema.DataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("select current_schema()::text, to_regclass('mt_streams')::text", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        (await reader.ReadAsync(ct)).ShouldBeTrue();
        reader.GetString(0).ShouldBe(schema.Name);
        reader.GetString(1).ShouldBe("mt_streams");
    }

    [Fact]
    public async Task StatementsUsedTwice_StayPreparedAcrossPooledConnections()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = SingleConnection(server.ConnectionString);
        for (var i = 0; i < 3; i++)
        {
            await ExecuteMarkerAsync(dataSource, i, ct); // each on a fresh open of the one pooled connection
        }

        (await PreparedMarkersAsync(dataSource, ct)).ShouldBe(1); // prepared, and no reset discarded it
    }

    [Fact]
    public async Task ConnectionStringThatTurnsAutoPrepareOff_IsObeyed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = SingleConnection(server.ConnectionString + ";Max Auto Prepare=0");
        for (var i = 0; i < 3; i++)
        {
            await ExecuteMarkerAsync(dataSource, i, ct);
        }

        (await PreparedMarkersAsync(dataSource, ct)).ShouldBe(0);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("x; drop schema public")]
    [InlineData("1abc")]
    [InlineData("")]
    public void SchemaNameThatIsNotAPlainLowercaseIdentifier_IsRejected(string schemaName) =>
        Should.Throw<ArgumentException>(() => PostgresDataSourceFactory.Create(
            new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = schemaName }));

    private static NpgsqlDataSource SingleConnection(string connectionString) => PostgresDataSourceFactory.Create(
        new PostgresOptions { ConnectionString = connectionString + ";Maximum Pool Size=1", SchemaName = "public" });

    private static async Task ExecuteMarkerAsync(NpgsqlDataSource dataSource, int value, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("select @value + 1 as factory_test_marker", conn);
        cmd.Parameters.AddWithValue("value", value);
        (await cmd.ExecuteScalarAsync(ct)).ShouldBe(value + 1);
    }

    private static async Task<long> PreparedMarkersAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select count(*) from pg_prepared_statements where statement like '%factory_test_marker%' and statement not like '%pg_prepared%'", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
