using ContractBridge.Tests.Upstream.Budget.Support;

namespace ContractBridge.Tests.Upstream.Budget;

public sealed class PostgresRateBudgetStoreTests(PostgresBudgetDatabases databases) : RateBudgetStoreTests(databases), IClassFixture<PostgresBudgetDatabases>;
