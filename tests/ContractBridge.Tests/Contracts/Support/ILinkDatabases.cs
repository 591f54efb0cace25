namespace ContractBridge.Tests.Contracts.Support;

/// <summary>Makes empty databases of one kind for the link store's shared suite.</summary>
public interface ILinkDatabases
{
    /// <summary>A new, empty database for one test; every store opened from it shares it, like instances of a deployment.</summary>
    Task<LinkDatabase> NewDatabaseAsync();
}
