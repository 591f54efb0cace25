namespace ContractBridge.Kommo;

/// <summary>The bearer token for Kommo calls: a long-lived token, or OAuth2 access tokens refreshed as needed.</summary>
public interface IKommoAccessTokens
{
    ValueTask<string> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Kommo refused <paramref name="rejected"/> (401). Returns a newer token to retry with, or null when there is none
    /// (a long-lived token cannot be renewed by us).
    /// </summary>
    Task<string?> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken);
}
