using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Http;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Http;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Upstream.Support;

/// <summary>
/// HttpClients for tests that call an upstream directly over a transport of their own: with the handlers that attach
/// credentials and map failures, as the bridge's clients have, but without its read retries and rate limits.
/// </summary>
internal static class UpstreamClients
{
    public static HttpClient KommoHttp(HttpMessageHandler transport, Uri apiRoot, string token) =>
        KommoHttp(transport, apiRoot, new StaticKommoAccessTokens(token));

    public static HttpClient KommoHttp(HttpMessageHandler transport, Uri apiRoot, IKommoAccessTokens tokens) =>
        Http(transport, apiRoot, UpstreamService.Kommo, new KommoProblemReader(), new KommoAuthorization(tokens));

    public static HttpClient IroncladHttp(HttpMessageHandler transport, Uri apiRoot, IIroncladAuth auth) =>
        Http(transport, apiRoot, UpstreamService.Ironclad, new IroncladProblemReader(), auth);

    private static HttpClient Http(HttpMessageHandler transport, Uri apiRoot, UpstreamService service, IUpstreamProblemReader problems, IUpstreamAuthorization authorization) =>
        new(new UpstreamErrorHandler(service, problems, TimeProvider.System) { InnerHandler = new AuthorizationHandler(authorization) { InnerHandler = transport } })
        {
            BaseAddress = apiRoot,
        };
}
