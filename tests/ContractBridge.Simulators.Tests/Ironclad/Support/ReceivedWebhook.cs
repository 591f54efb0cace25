using System.Text;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Tests.Ironclad.Support;

/// <summary>One request the <see cref="WebhookReceiver"/> got, exactly as it arrived.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;

    public string? Event => Json["payload"]?["event"]?.GetValue<string>() ?? Json["event"]?.GetValue<string>();

    public string? WorkflowId => Json["payload"]?["workflowID"]?.GetValue<string>() ?? Json["workflowId"]?.GetValue<string>();
}
