using ContractBridge.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContractBridge.Engine.Tests.Sqlite;

public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests(new SqliteStoreProvider(), output);
