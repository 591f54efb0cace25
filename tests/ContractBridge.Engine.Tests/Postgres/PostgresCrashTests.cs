using ContractBridge.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresCrashTests(PostgresServer server, ITestOutputHelper output) : CrashTests(server, output), IClassFixture<PostgresServer>;
