using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// The query of <c>GET /workflows</c>: <c>page</c> (from 0), <c>pageSize</c> (1–100, default 20), <c>status</c>
/// (comma-separated; default active), <c>template</c>, <c>lastUpdated</c> (updated at or after this UTC instant) and
/// <c>filter</c>. A bad value is 400 INVALID_PARAM naming the parameter.
/// </summary>
public sealed record WorkflowListQuery(int Page, int PageSize, Func<Workflow, bool> Matches)
{
    public static WorkflowListQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var page = ParseInt(query, "page", 0, 0, 100_000_000);
        var pageSize = ParseInt(query, "pageSize", 20, 1, 100);
        var statuses = ParseStatuses(query);
        var template = query["template"].ToString();
        var lastUpdated = ParseLastUpdated(query);
        var filter = ParseFilter(query, now);
        return new WorkflowListQuery(page, pageSize, workflow =>
            statuses.Contains(workflow.Status)
            && (template.Length == 0 || workflow.Template.Id == template)
            && (lastUpdated is null || workflow.LastUpdated >= lastUpdated)
            && (filter is null || filter(workflow.Attributes)));
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid($"{name} must be an integer from {min} to {max}", name);
    }

    private static HashSet<WorkflowStatus> ParseStatuses(IQueryCollection query)
    {
        var names = query["status"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            return [WorkflowStatus.Active];
        }

        var statuses = new HashSet<WorkflowStatus>();
        foreach (var name in names)
        {
            statuses.Add(WireNames.TryParseStatus(name, out var status)
                ? status
                : throw Invalid($"invalid status '{name}'; value must be one of [active, paused, completed, cancelled]", "status"));
        }

        return statuses;
    }

    private static DateTimeOffset? ParseLastUpdated(IQueryCollection query)
    {
        var text = query["lastUpdated"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw Invalid($"lastUpdated must be an ISO 8601 date, not '{text}'", "lastUpdated");
    }

    private static Func<JsonObject, bool>? ParseFilter(IQueryCollection query, DateTimeOffset now)
    {
        var text = query["filter"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return FilterFormulaParser.Parse(text, now);
        }
        catch (FormatException ex)
        {
            throw Invalid($"invalid filter formula: {ex.Message}", "filter");
        }
    }

    private static IroncladApiException Invalid(string message, string param) =>
        IroncladApiException.BadRequest(IroncladError.InvalidParam(message, param));
}
