// One PostgreSQL server (a container) for this assembly; each test class gets its own schema on it.
[assembly: AssemblyFixture(typeof(PostgresServer))]

// The commands print on Console.Out and Console.Error, which are process-wide: the tests take turns to redirect them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
