using System.Net.Http.Headers;
using ContractBridge.Ironclad;
using ContractBridge.Upstream;

namespace ContractBridge.Setup;

/// <summary>
/// Tries a connection before it is stored, with one live call each: Kommo's <c>GET /account</c> with the token,
/// Ironclad's <c>GET /workflow-schemas</c> with the key, or with a token its client credentials obtain (acting as the
/// launching user). One call outside the rate budgets, made by a person at /setup.
/// </summary>
public sealed class ConnectionTester(IHttpClientFactory httpClients, LastUpstreamSuccess successes, TimeProvider time)
{
    /// <summary>Null when the call succeeded; else what went wrong, fit to show the admin (never the credential).</summary>
    public Task<string?> TryKommoAsync(KommoConnection connection, CancellationToken cancellationToken) =>
        TryAsync("kommo-oauth", new Uri(WithSlash(connection.BaseUrl), "account"), UpstreamService.Kommo, Bearer(connection.AccessToken!), cancellationToken);

    public Task<string?> TryIroncladAsync(IroncladConnection connection, CancellationToken cancellationToken)
    {
        var url = new Uri(WithSlash(connection.BaseUrl), "workflow-schemas");
        if (connection.OAuth is not { } oauth)
        {
            return TryAsync("ironclad-oauth", url, UpstreamService.Ironclad, Bearer(connection.ApiKey!), cancellationToken);
        }

        return TryWithClientCredentialsAsync();

        async Task<string?> TryWithClientCredentialsAsync()
        {
            using var auth = new ClientCredentialsAuth(httpClients.CreateClient("ironclad-oauth"), new Uri(connection.WebUrl, "/oauth/token"), oauth, connection.CreatorEmail, time);
            try
            {
                return await TryAsync("ironclad-oauth", url, UpstreamService.Ironclad, auth.AuthorizeAsync, cancellationToken);
            }
            catch (UpstreamException ex)
            {
                return ex.Message;
            }
        }
    }

    private static Func<HttpRequestMessage, CancellationToken, ValueTask> Bearer(string token) => (request, _) =>
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return ValueTask.CompletedTask;
    };

    private async Task<string?> TryAsync(
        string client, Uri url, UpstreamService service, Func<HttpRequestMessage, CancellationToken, ValueTask> authorize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await authorize(request, timeout.Token);
            using var response = await httpClients.CreateClient(client).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return $"{service} answered {(int)response.StatusCode} {response.ReasonPhrase} to GET {url.AbsolutePath}: check the address and the credential.";
            }

            successes.Record(service);
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{service} did not answer at {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}";
        }
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
