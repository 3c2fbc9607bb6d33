using PasidLedger.Postgres.Tests;

// One PostgreSQL server for the whole run; each test class gets its own schema on it.
[assembly: AssemblyFixture(typeof(PostgresServerFixture))]
