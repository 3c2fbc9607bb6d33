using PasidLedger.Api.Tests.Support;

// One PostgreSQL server (a container) for this assembly; each test class gets its own service on its own schema.
[assembly: AssemblyFixture(typeof(PostgresServer))]

// After the last test: the run fails if any response of the suite was a 5xx.
[assembly: AssemblyFixture(typeof(ServerErrorAudit))]
