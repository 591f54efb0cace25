using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresJobStoreTests(PostgresServer server) : JobStoreTests(server), IClassFixture<PostgresServer>;
