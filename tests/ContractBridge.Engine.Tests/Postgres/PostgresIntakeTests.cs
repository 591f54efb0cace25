using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresIntakeTests(PostgresServer server) : IntakeTests(server), IClassFixture<PostgresServer>;
