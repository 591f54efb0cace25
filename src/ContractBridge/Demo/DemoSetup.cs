using System.Net;
using System.Net.Http.Headers;
using ContractBridge.Setup;
using ContractBridge.Simulators;

namespace ContractBridge.Demo;

/// <summary>
/// The demo starts with neither service configured and connects both at /setup, as an admin does, over HTTP with the
/// admin token: Kommo by OAuth (the integration's keys, the simulator's consent page, "Allow", the callback), Ironclad by
/// its API key, then "Go live". So the demo's dashboard shows connections an admin can change, as a real setup's does.
/// </summary>
internal static class DemoSetup
{
    /// <returns>What was done, a line each, for the demo's introduction.</returns>
    public static async Task<IReadOnlyList<string>> ConnectAsync(Uri bridge, string adminToken, SimulatorHost simulators, SimulatorHostOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var kommo = options.Kommo;
        var consent = await PostAsync(http, new Uri(bridge, "/setup/kommo/oauth"), adminToken, [new("clientId", kommo.ClientId), new("clientSecret", kommo.ClientSecret)], cancellationToken);
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(consent.Query)["state"].ToString();
        using (var page = await http.GetAsync(consent, cancellationToken))
        {
            Expect(page, HttpStatusCode.OK, "Kommo's consent page");
        }

        var callback = await PostAsync(http, new Uri(consent, "/oauth/allow"), bearer: null, [new("client_id", kommo.ClientId), new("state", state)], cancellationToken);
        using (var connected = await http.GetAsync(callback, cancellationToken))
        {
            Expect(connected, HttpStatusCode.Redirect, "the OAuth callback");
        }

        var ironclad = options.Ironclad;
        await PostAsync(
            http,
            new Uri(bridge, "/setup/ironclad"),
            adminToken,
            [new("host", "custom"), new("baseUrl", new Uri(simulators.Ironclad.BaseUrl, "/public/api/v1").ToString()), new("auth", "api-key"), new("apiKey", ironclad.ApiKey), new("creatorEmail", ironclad.Users[0].Email)],
            cancellationToken);
        await PostAsync(http, new Uri(bridge, "/setup/go-live"), adminToken, [], cancellationToken);
        return
        [
            $"Kommo by OAuth: the integration's keys, the consent page at {consent.GetLeftPart(UriPartial.Path)}, \"Allow\", back to {KommoOAuthConnect.CallbackPath}",
            $"Ironclad by API key, launching as {ironclad.Users[0].Email}",
            "Go live: both webhooks registered, Kommo's webhook secret generated",
        ];
    }

    /// <summary>A form post that must be answered with a redirect; returns where to.</summary>
    private static async Task<Uri> PostAsync(HttpClient http, Uri url, string? bearer, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        Expect(response, HttpStatusCode.Redirect, $"POST {url.AbsolutePath}");
        return new Uri(url, response.Headers.Location!);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Connecting at /setup failed: {what} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}
