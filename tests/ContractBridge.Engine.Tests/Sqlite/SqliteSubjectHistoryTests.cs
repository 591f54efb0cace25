using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests.Sqlite;

public sealed class SqliteSubjectHistoryTests() : SubjectHistoryTests(new SqliteStoreProvider());
