using System.Globalization;
using System.Net.Http.Headers;
using ContractBridge.Flows.Preview;

namespace ContractBridge.Demo;

/// <summary>
/// Sales ops' dry run before the reps move anything: the bridge's own <c>GET /api/preview/{leadId}?rule=</c> over HTTP
/// with the admin token, as a script or the dashboard would call it. What it answered, and how many workflows Ironclad
/// held right after (none: a dry run launches nothing).
/// </summary>
public sealed record DemoDryRun(DemoDeal Deal, DealPreviewReport Report, int WorkflowsAfter)
{
    public static async Task<DemoDryRun> RunAsync(DemoEnvironment demo, DemoDeal deal, string rule, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = demo.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.AdminToken);
        var path = string.Create(CultureInfo.InvariantCulture, $"/api/preview/{deal.LeadId}?rule={Uri.EscapeDataString(rule)}");
        var report = await http.GetFromJsonAsync<DealPreviewReport>(path, PreviewJson.Options, cancellationToken)
            ?? throw new DemoStepFailedException($"the dry run of {deal} answered nothing");
        return new DemoDryRun(deal, report, demo.Ironclad.Control.Workflows().Count);
    }

    /// <summary>The attributes as the timeline shows them: "id = value" for the first few.</summary>
    public string AttributesGist(int count = 3) =>
        string.Join(", ", Report.Attributes.Take(count).Select(a => $"{a.Id} = {a.Value?.ToJsonString() ?? "(empty)"}"))
        + (Report.Attributes.Count > count ? $", … ({Report.Attributes.Count} in all)" : string.Empty);
}
