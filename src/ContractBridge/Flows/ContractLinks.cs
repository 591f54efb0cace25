using ContractBridge.Configuration;

namespace ContractBridge.Flows;

/// <summary>Links people click: a workflow in Ironclad (https://{host}/workflows/{id}) and a deal in Kommo.</summary>
public sealed class ContractLinks(IOptions<BridgeOptions> options)
{
    public string Workflow(string workflowId) =>
        new Uri(options.Value.Ironclad.WebUrl ?? new Uri("https://ironcladapp.com/"), $"/workflows/{Uri.EscapeDataString(workflowId)}").ToString();

    public string? Deal(long leadId) =>
        options.Value.Kommo.AccountUrl is { } account ? new Uri(account, $"/leads/detail/{leadId}").ToString() : null;
}
