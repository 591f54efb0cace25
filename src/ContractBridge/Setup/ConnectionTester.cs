using System.Net.Http.Headers;

namespace ContractBridge.Setup;

/// <summary>
/// Tries a connection before it is stored, with one live call each: Kommo's <c>GET /account</c> with the token,
/// Ironclad's <c>GET /workflow-schemas</c> with the key. One call outside the rate budgets, made by a person at /setup.
/// </summary>
public sealed class ConnectionTester(IHttpClientFactory httpClients)
{
    /// <summary>Null when the call succeeded; else what went wrong, fit to show the admin (never the credential).</summary>
    public Task<string?> TryKommoAsync(KommoConnection connection, CancellationToken cancellationToken) =>
        TryAsync("kommo-oauth", new Uri(WithSlash(connection.BaseUrl), "account"), connection.AccessToken!, "Kommo", cancellationToken);

    public Task<string?> TryIroncladAsync(IroncladConnection connection, CancellationToken cancellationToken) =>
        TryAsync("ironclad-oauth", new Uri(WithSlash(connection.BaseUrl), "workflow-schemas"), connection.ApiKey!, "Ironclad", cancellationToken);

    private async Task<string?> TryAsync(string client, Uri url, string token, string service, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            using var response = await httpClients.CreateClient(client).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode
                ? null
                : $"{service} answered {(int)response.StatusCode} {response.ReasonPhrase} to GET {url.AbsolutePath}: check the address and the credential.";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{service} did not answer at {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}";
        }
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
