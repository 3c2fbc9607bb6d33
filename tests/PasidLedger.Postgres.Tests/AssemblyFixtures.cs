
// One PostgreSQL server (a container) for this assembly; each test class gets its own schema on it.
[assembly: AssemblyFixture(typeof(PostgresServer))]
