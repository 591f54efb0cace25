using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresTakeoverCrashTests(PostgresServer server) : TakeoverCrashTests(server), IClassFixture<PostgresServer>;
