namespace PasidLedger.Testing;

/// <summary>Where the integration tests get PostgreSQL from, and what to tell a developer who has none.</summary>
public static class TestPostgres
{
    /// <summary>A connection string to an existing server; when set, no container is started.</summary>
    public const string ServerVariable = "PASIDLEDGER_TEST_PG";

    /// <summary>The PostgreSQL image of the containers; its default is in <c>ops/docker/images.env</c>.</summary>
    public const string ImageVariable = "PASIDLEDGER_PG_IMAGE";

    /// <summary>Set by <c>ops/test</c> to label this run's containers, so it can remove them even after a crash.</summary>
    public const string RunVariable = "PASIDLEDGER_TEST_RUN";

    /// <summary>The label that carries <see cref="RunVariable"/> on every container a test starts.</summary>
    public const string RunLabel = "pasidledger.test-run";

    /// <summary>The one message a test fails with when it cannot get a server, for the suite called <paramref name="suite"/>.</summary>
    public static string HowToGetOne(string suite) =>
        $"The {suite} need PostgreSQL 15+ and found none. Either run ./ops/test (it starts a Docker engine and "
        + "builds the PostgreSQL image where none can be pulled), or start a Docker engine yourself (the tests then start "
        + $"a {Image()} container through Testcontainers), or set {ServerVariable} to the connection string of a server "
        + "whose user may create schemas, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres.";

    /// <summary><c>$PASIDLEDGER_PG_IMAGE</c>, else the default of <c>ops/docker/images.env</c>.</summary>
    public static string Image() => TestContainerRun.Image(ImageVariable);
}
