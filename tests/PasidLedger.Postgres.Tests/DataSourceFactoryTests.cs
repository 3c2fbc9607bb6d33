using Npgsql;

namespace PasidLedger.Postgres.Tests;

/// <summary>Every connection of the data source works in the configured schema.</summary>
public sealed class DataSourceFactoryTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Connections_UseTheSchemaAsTheirSearchPath()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var schema = TestSchema.Create(server);
        await schema.Migrator().MigrateAsync(ct);

        await using var conn = await schema.DataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("select current_schema()::text, to_regclass('streams')::text", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        (await reader.ReadAsync(ct)).ShouldBeTrue();
        reader.GetString(0).ShouldBe(schema.Name);
        reader.GetString(1).ShouldBe("streams");
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("x; drop schema public")]
    [InlineData("1abc")]
    [InlineData("")]
    public void SchemaNameThatIsNotAPlainLowercaseIdentifier_IsRejected(string schemaName) =>
        Should.Throw<ArgumentException>(() => PostgresDataSourceFactory.Create(
            new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = schemaName }));
}
