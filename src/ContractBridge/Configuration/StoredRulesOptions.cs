namespace ContractBridge.Configuration;

/// <summary>
/// Rules made in the dashboard (section <c>StoredRules</c>): each instance asks the database this often whether any
/// changed (one cheap query) and reads them again when one did; the instance that saved reads them at once.
/// </summary>
public sealed class StoredRulesOptions
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
