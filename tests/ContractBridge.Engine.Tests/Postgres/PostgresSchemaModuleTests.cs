using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresSchemaModuleTests(PostgresServer server) : SchemaModuleTests(server), IClassFixture<PostgresServer>;
