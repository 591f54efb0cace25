using System.Globalization;

namespace ContractBridge.Observability;

/// <summary>
/// Makes Kestrel listen on Metrics:Port besides the main URLs. Kestrel listens on <c>urls</c> (ASPNETCORE_URLS, --urls),
/// else on <c>http_ports</c>/<c>https_ports</c> (ASPNETCORE_HTTP_PORTS, which .NET's container images set to 8080), else
/// on http://localhost:5000; a port added in code would replace all of those, so the URL list is written out instead:
/// the main URLs as they are, then each again with the metrics port, so the metrics port is reachable where the main one
/// is. (With endpoints under Kestrel:Endpoints, which replace URLs altogether, list the metrics port there too.)
/// </summary>
public static class MetricsPort
{
    private const string DefaultUrl = "http://localhost:5000";

    public static void ListenOnMetricsPort(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[MetricsOptions.Section + ":Port"];
        if (!int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            // Unset, or wrong: the options validation says what is wrong with it when the service starts.
            return;
        }

        var main = MainUrls(builder.Configuration);
        var metrics = new List<string>();
        foreach (var url in main)
        {
            var address = BindingAddress.Parse(url);
            if (address.IsUnixPipe || address.IsNamedPipe)
            {
                continue;
            }

            if (address.Port == port)
            {
                throw new OptionsValidationException(MetricsOptions.Section, typeof(MetricsOptions), [
                    $"Metrics:Port (ContractBridge:Metrics:Port) is {port}, which the service already listens on ({url}): pick another port, or leave it unset to serve /metrics on the main port."]);
            }

            metrics.Add(string.Create(CultureInfo.InvariantCulture, $"{address.Scheme}://{address.Host}:{port}"));
        }

        builder.WebHost.UseUrls([.. main, .. metrics.Distinct(StringComparer.OrdinalIgnoreCase).DefaultIfEmpty($"http://localhost:{port}")]);
    }

    private static List<string> MainUrls(ConfigurationManager configuration)
    {
        if (Split(configuration[WebHostDefaults.ServerUrlsKey]) is { Count: > 0 } urls)
        {
            return urls;
        }

        var ports = Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}"))
            .ToList();
        return ports.Count > 0 ? ports : [DefaultUrl];
    }

    private static List<string> Split(string? list) =>
        [.. (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
