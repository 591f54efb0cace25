namespace ContractBridge.Simulators.Kommo.Model;

/// <summary>A user of the account: a sales rep, or the admin the API integrations act as.</summary>
internal sealed class KommoUser
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public bool IsAdmin { get; set; }
}
