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

    /// <summary>One choice of several, like <see cref="Select"/>, shown as radio buttons.</summary>
    public const string Radiobutton = "radiobutton";
    public const string Date = "date";

    /// <summary>A moment, in unix seconds like <see cref="Date"/> (which holds midnight of its day in the account's time zone).</summary>
    public const string DateTime = "date_time";
    public const string Url = "url";
    public const string Multitext = "multitext";
    public const string Price = "price";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Text, Textarea, Numeric, Checkbox, Select, Multiselect, Radiobutton, Date, DateTime, Url, Multitext, Price,
    };
}
