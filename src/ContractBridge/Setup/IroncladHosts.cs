namespace ContractBridge.Setup;

/// <summary>Ironclad's hosts by region, as /setup offers them; "custom" takes any https API root.</summary>
public static class IroncladHosts
{
    public static readonly IReadOnlyDictionary<string, Uri> Known = new Dictionary<string, Uri>(StringComparer.Ordinal)
    {
        ["na1"] = new("https://na1.ironcladapp.com/public/api/v1"),
        ["eu1"] = new("https://eu1.ironcladapp.com/public/api/v1"),
        ["demo"] = new("https://demo.ironcladapp.com/public/api/v1"),
    };

    /// <summary>A root that is not one of the regions': /setup shows it as the custom API root.</summary>
    public static bool IsCustom(Uri root) => !Known.Values.Contains(root);
}
