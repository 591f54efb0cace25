using System.Text.Json.Serialization;

namespace ContractBridge.Flows.Jobs;

/// <summary>What of a workflow's activity a webhook announced, and so which list the relay reads.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityFeed>))]
public enum ActivityFeed
{
    Comments,
    Approvals,
    Turns,
}
