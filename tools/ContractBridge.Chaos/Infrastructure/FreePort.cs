using System.Net;
using System.Net.Sockets;

namespace ContractBridge.Chaos.Infrastructure;

/// <summary>A loopback port nobody listens on now. The service keeps it across restarts, so webhooks keep their target.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Uri NextUrl() => new($"http://127.0.0.1:{Next()}/");
}
