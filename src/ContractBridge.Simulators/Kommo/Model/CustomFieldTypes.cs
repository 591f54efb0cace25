namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>The custom field types the simulator understands, spelled as Kommo spells them.</summary>
internal static class CustomFieldTypes
{
    public const string Text = "text";
    public const string Textarea = "textarea";
    public const string Numeric = "numeric";
    public const string Checkbox = "checkbox";
    public const string Select = "select";
    public const string Multiselect = "multiselect";
    public const string Date = "date";
    public const string Url = "url";
    public const string Multitext = "multitext";
    public const string Price = "price";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Text, Textarea, Numeric, Checkbox, Select, Multiselect, Date, Url, Multitext, Price,
    };
}
