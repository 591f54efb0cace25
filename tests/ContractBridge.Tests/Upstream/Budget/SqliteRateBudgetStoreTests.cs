using ContractBridge.Tests.Upstream.Budget.Support;

namespace ContractBridge.Tests.Upstream.Budget;

public sealed class SqliteRateBudgetStoreTests() : RateBudgetStoreTests(new SqliteBudgetDatabases());
