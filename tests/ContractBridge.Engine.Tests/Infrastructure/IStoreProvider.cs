namespace ContractBridge.Engine.Tests.Infrastructure;

/// <summary>Makes empty databases of one kind for the shared behavioural suite.</summary>
public interface IStoreProvider
{
    /// <summary>A new, empty database for one test; every store opened from it shares it, like instances of a deployment.</summary>
    Task<TestDatabase> NewDatabaseAsync();
}
