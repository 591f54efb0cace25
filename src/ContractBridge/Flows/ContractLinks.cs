using ContractBridge.Configuration;
using ContractBridge.Setup;

namespace ContractBridge.Flows;

/// <summary>
/// Links people click: a workflow in Ironclad (https://{host}/workflows/{id}) and a deal in Kommo, on the hosts of the
/// connections in force (or, without <paramref name="connections"/>, as for planning tests, the configured ones).
/// </summary>
public sealed class ContractLinks(IOptions<BridgeOptions> options, UpstreamConnections? connections = null)
{
    public string Workflow(string workflowId) =>
        new Uri(connections?.Ironclad?.WebUrl ?? options.Value.Ironclad.WebUrl ?? new Uri("https://ironcladapp.com/"), $"/workflows/{Uri.EscapeDataString(workflowId)}").ToString();

    public string? Deal(long leadId) =>
        (connections?.Kommo?.AccountUrl ?? options.Value.Kommo.AccountUrl) is { } account ? new Uri(account, $"/leads/detail/{leadId}").ToString() : null;
}
