namespace ContractBridge.Tests.Upstream.Budget.Support;

/// <summary>Fresh databases of one kind (SQLite or PostgreSQL) for the budget tests.</summary>
public interface IBudgetDatabases
{
    Task<BudgetDatabase> NewDatabaseAsync();
}
