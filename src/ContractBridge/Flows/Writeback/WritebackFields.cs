using System.Globalization;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// The account's lead custom fields and its time zone, as a writeback needs them. A setting names a field by id
/// (digits) or by code (any case), as the mapping's <c>lead.cf[…]</c> does.
/// </summary>
public sealed record WritebackFields(IReadOnlyList<KommoCustomField> Fields, TimeZoneInfo Zone)
{
    public KommoCustomField? Find(string reference) =>
        long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Fields.FirstOrDefault(f => f.Id == id)
            : Fields.FirstOrDefault(f => string.Equals(f.Code, reference, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a value a lead holds is of the field <paramref name="reference"/> names (without the definitions: by id or code).</summary>
    public static bool Names(string reference, KommoCustomFieldValue value) =>
        long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? value.FieldId == id
            : string.Equals(value.FieldCode, reference, StringComparison.OrdinalIgnoreCase);
}
