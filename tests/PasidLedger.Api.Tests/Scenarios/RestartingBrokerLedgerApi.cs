using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>The service with its bus on a broker a test can stop and start again on the same URL (<see cref="RabbitMqBroker.Restartable"/>).</summary>
public sealed class RestartingBrokerLedgerApi(PostgresServer server) : BusLedgerApi(server, RabbitMqBroker.Restartable());
