using ContractBridge.Simulators.Kommo.Operations;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>An admin changing the account's custom fields in Kommo's settings.</summary>
public sealed partial class KommoControl
{
    /// <summary>An admin deletes a custom field (no webhook): its values are gone, and a later write naming it is refused.</summary>
    public void DeleteCustomField(long fieldId) => _store.Write(data => AccountSeeder.DeleteCustomField(data, fieldId));
}
