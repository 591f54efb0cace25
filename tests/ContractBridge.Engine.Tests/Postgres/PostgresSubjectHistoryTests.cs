using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Postgres;

public sealed class PostgresSubjectHistoryTests(PostgresServer server) : SubjectHistoryTests(server), IClassFixture<PostgresServer>;
