using System.Net.Http.Headers;

namespace ContractBridge.Ironclad;

/// <summary>Ironclad's legacy API token (Company Settings → API): a fixed bearer token, so a 401 is final.</summary>
public sealed class LegacyTokenAuth(string apiKey) : IIroncladAuth
{
    public bool NeedsCreator => true;

    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ReauthorizeAfterRejectionAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);
}
