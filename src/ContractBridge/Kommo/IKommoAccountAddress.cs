namespace ContractBridge.Kommo;

/// <summary>Kommo's API root in force (…/api/v4/), or null while Kommo is not connected.</summary>
public interface IKommoAccountAddress
{
    Uri? ApiRoot { get; }
}
