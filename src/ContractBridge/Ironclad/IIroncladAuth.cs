namespace ContractBridge.Ironclad;

/// <summary>Adds Ironclad credentials to a request: a legacy bearer token, or an OAuth2 token plus x-as-user-email.</summary>
public interface IIroncladAuth
{
    /// <summary>True for legacy tokens: launches must then name a creator.</summary>
    bool NeedsCreator { get; }

    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>The token was refused: forget any cached token so the next call obtains a new one.</summary>
    void Invalidate();
}
