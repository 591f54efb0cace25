using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresKeyValueTests(PostgresServer server) : KeyValueTests(server), IClassFixture<PostgresServer>;
