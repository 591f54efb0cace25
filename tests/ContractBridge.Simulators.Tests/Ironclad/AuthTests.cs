using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class AuthTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions(), _time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LegacyKeyLaunch_WithoutCreator_IsMissingParamCreator()
    {
        var body = _server.MsaLaunchBody();
        body.Remove("creator");

        var (status, error) = await PostAsync(_server.Http, "workflows", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MISSING_PARAM", error["code"]!.GetValue<string>());
        Assert.Equal("creator", error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task LegacyKeyLaunch_WithUnknownCreator_IsInvalidParamCreator()
    {
        var body = _server.MsaLaunchBody();
        body["creator"] = new JsonObject { ["type"] = "email", ["email"] = "nobody@nowhere.example" };

        var (status, error) = await PostAsync(_server.Http, "workflows", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAM", error["code"]!.GetValue<string>());
        Assert.Equal("creator", error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongBearerToken_Is401InvalidAuthenticationToken()
    {
        using var client = Client("not-a-token");

        var (status, error) = await GetAsync(client, "workflows");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHORIZED", error["code"]!.GetValue<string>());
        Assert.Equal("invalid authentication token", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthToken_ThenLaunchAsUserEmail_SucceedsWithThatUserAsCreator()
    {
        var token = await TokenAsync();
        using var client = Client(token["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-email", _server.CreatorEmail);
        var body = _server.MsaLaunchBody();
        body.Remove("creator");

        var (status, workflow) = await PostAsync(client, "workflows", body);

        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.Equal(3600, token["expires_in"]!.GetValue<int>());
        Assert.Contains("public.workflows.createWorkflows", token["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(_server.CreatorEmail, workflow["creator"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthCall_ByUserId_IsAccepted()
    {
        using var client = Client((await TokenAsync())["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-id", _server.Options.Users[1].Id);

        var (status, _) = await GetAsync(client, "workflows");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task OAuthCall_WithoutActingUser_IsRejected()
    {
        using var client = Client((await TokenAsync())["access_token"]!.GetValue<string>());

        var (status, error) = await GetAsync(client, "workflows");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MISSING_PARAM", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthCall_AsUnknownUser_IsRejected()
    {
        using var client = Client((await TokenAsync())["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-email", "ghost@nowhere.example");

        var (status, error) = await GetAsync(client, "workflows");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAM", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthToken_WithoutTheRouteScope_Is403Forbidden()
    {
        using var client = Client((await TokenAsync("public.workflows.readWorkflows"))["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-email", _server.CreatorEmail);

        var (status, error) = await PostAsync(client, "workflows", _server.MsaLaunchBody());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FORBIDDEN", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenRequest_ForMoreThanTheClientWasGranted_GetsTheGrantedScopes_NamedInScope()
    {
        await using var server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions { OAuthClientScopes = ["public.workflows.readWorkflows"] }, _time);
        using var response = await server.Root.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = server.Options.OAuthClientId,
            ["client_secret"] = server.Options.OAuthClientSecret,
            ["scope"] = "public.workflows.readWorkflows public.workflows.createWorkflows",
        }));
        var token = (await IroncladTestServer.ReadJsonAsync(response))!;
        using var client = new HttpClient { BaseAddress = server.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-email", server.CreatorEmail);
        var body = server.MsaLaunchBody();
        body.Remove("creator");

        var (launched, _) = await PostAsync(client, "workflows", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public.workflows.readWorkflows", token["scope"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, launched);
    }

    [Fact]
    public async Task OAuthToken_AfterItsLifetime_Is401TokenHasExpired()
    {
        using var client = Client((await TokenAsync())["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-email", _server.CreatorEmail);
        _time.Advance(TimeSpan.FromHours(1));

        var (status, error) = await GetAsync(client, "workflows");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("token has expired", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthToken_AfterRevocation_Is401TokenHasBeenRevoked()
    {
        using var client = Client((await TokenAsync())["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.Add("x-as-user-email", _server.CreatorEmail);
        _server.Simulator.Control.RevokeTokens();

        var (status, error) = await GetAsync(client, "workflows");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("token has been revoked", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenRequest_WithWrongSecret_Is401InvalidClient()
    {
        using var response = await _server.Root.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _server.Options.OAuthClientId,
            ["client_secret"] = "wrong",
        }));
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenRequest_WithOtherGrant_IsUnsupportedGrantType()
    {
        using var response = await _server.Root.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await IroncladTestServer.ReadJsonAsync(response))!["error"]!.GetValue<string>());
    }

    private async Task<JsonObject> TokenAsync(string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _server.Options.OAuthClientId,
            ["client_secret"] = _server.Options.OAuthClientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await _server.Root.PostAsync("oauth/token", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)(await IroncladTestServer.ReadJsonAsync(response))!;
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = _server.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        return (response.StatusCode, (JsonObject)(await IroncladTestServer.ReadJsonAsync(response))!);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, (JsonObject)(await IroncladTestServer.ReadJsonAsync(response))!);
    }
}
