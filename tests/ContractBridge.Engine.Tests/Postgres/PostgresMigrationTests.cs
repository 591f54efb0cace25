using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresMigrationTests(PostgresServer server) : MigrationTests(server), IClassFixture<PostgresServer>;
