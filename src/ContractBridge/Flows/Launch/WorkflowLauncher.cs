using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;
using ContractBridge.Setup;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// Turns a reserved deal into an Ironclad workflow: resolves the rule's template by name, maps the deal onto its
/// attributes, and launches it. When an earlier run may have launched it and lost Ironclad's answer, the lead is looked
/// up in Ironclad first (by its kommoLeadId attribute). Ironclad's refusals (400) are put in words a person can act on.
/// </summary>
public sealed partial class WorkflowLauncher(
    IroncladClient ironclad,
    TemplateCatalog templates,
    LaunchReservations reservations,
    UpstreamConnections connections,
    TimeProvider time,
    ILogger<WorkflowLauncher> logger)
{
    private static readonly string[] EarlierLaunchStatuses = ["active", "paused", "completed"];
    private readonly ConcurrentDictionary<(string Rule, string TemplateId), MappingPlan> _plans = new();

    /// <summary>The rule's template, or the problem naming it (none or several match).</summary>
    public Task<TemplateLookup> FindTemplateAsync(ContractRule rule, CancellationToken cancellationToken) =>
        templates.FindAsync(rule.Template, cancellationToken);

    /// <summary>The deal's values for the template's attributes, by the rule's mapping (planned once per rule and template id).</summary>
    public MappingResult Map(ContractRule rule, IroncladWorkflowSchema template, DealSnapshot deal)
    {
        var plan = Plan(rule, template);
        var currency = rule.Currency ?? deal.Account.Currency ?? "USD";
        return AttributeMapper.Map(plan, deal, currency, Today);
    }

    /// <summary>The rule's mapping checked against the template, planned once per rule and template id.</summary>
    public MappingPlan Plan(ContractRule rule, IroncladWorkflowSchema template) =>
        _plans.GetOrAdd((rule.Name, template.Id), _ => AttributeMapper.Plan(rule.Mapping, template));

    /// <summary>Today, for mappings that read <c>today</c>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The work's workflow: the one an earlier run launched when the work says to search first and it is found, else a new one.</summary>
    public async Task<IroncladWorkflow> LaunchAsync(LaunchWork work, IroncladWorkflowSchema template, JsonObject attributes, CancellationToken cancellationToken) =>
        (work.SearchFirst ? await FindEarlierLaunchAsync(template, work.LeadId, cancellationToken) : null)
            ?? await PostAsync(work.Rule, template, attributes, cancellationToken);

    /// <summary>Ironclad answered 400: what it was sent is wrong (the template or the mapping), a person must fix it, and retrying cannot help.</summary>
    public static bool IsRefusal(UpstreamException ex) =>
        ex.Service == UpstreamService.Ironclad && ex.Status == HttpStatusCode.BadRequest;

    /// <summary>Ironclad's 400: name the attributes (MISSING_PARAM's param is a JSON array of attribute ids).</summary>
    public static string DescribeRefusal(UpstreamException ex)
    {
        var attributes = ex.ErrorParam;
        if (attributes is not null && attributes.TrimStart().StartsWith('['))
        {
            try
            {
                attributes = string.Join(", ", JsonSerializer.Deserialize<string[]>(attributes) ?? []);
            }
            catch (JsonException)
            {
            }
        }

        var code = ex.ErrorCode switch
        {
            "MISSING_PARAM" => "Ironclad says required attributes are missing",
            "INVALID_PARAM" => "Ironclad refused an attribute's value",
            _ => "Ironclad refused the launch",
        };
        return attributes is null ? $"{code} ({ex.Message})" : $"{code}: {attributes} ({ex.Message})";
    }

    /// <summary>POST /workflows; a template re-published since we cached its id is resolved again once.</summary>
    private async Task<IroncladWorkflow> PostAsync(ContractRule rule, IroncladWorkflowSchema template, JsonObject attributes, CancellationToken cancellationToken)
    {
        try
        {
            return await ironclad.LaunchWorkflowAsync(template.Id, attributes, connections.Ironclad?.CreatorEmail, cancellationToken);
        }
        catch (UpstreamException ex) when (ex.ErrorCode == "NOT_FOUND" && (ex.ErrorParam is null || ex.ErrorParam == "template"))
        {
            templates.Invalidate();
            var again = await templates.FindAsync(rule.Template, cancellationToken);
            if (again.Template is not { } republished || republished.Id == template.Id)
            {
                throw;
            }

            Log.Republished(logger, rule.Template, template.Id, republished.Id);
            return await ironclad.LaunchWorkflowAsync(republished.Id, attributes, connections.Ironclad?.CreatorEmail, cancellationToken);
        }
    }

    /// <summary>
    /// An earlier attempt may have launched the workflow and lost Ironclad's answer: find it by the lead id it carries.
    /// Templates without a kommoLeadId attribute cannot be searched; the launch is then repeated (documented).
    /// </summary>
    private async Task<IroncladWorkflow?> FindEarlierLaunchAsync(IroncladWorkflowSchema template, long leadId, CancellationToken cancellationToken)
    {
        if (!template.Attributes.ContainsKey(AttributeMapper.LeadIdAttribute))
        {
            return null;
        }

        var page = await ironclad.ListWorkflowsAsync(
            page: 0,
            pageSize: 20,
            statuses: EarlierLaunchStatuses,
            lastUpdatedSince: null,
            equalsFilter: (AttributeMapper.LeadIdAttribute, leadId.ToString(CultureInfo.InvariantCulture)),
            cancellationToken);
        var known = await reservations.FindActiveAsync(leadId, cancellationToken);
        var found = page.List.Where(w => w.Id != known?.WorkflowId || known?.State == ContractState.Launching).OrderByDescending(w => w.Created).FirstOrDefault();
        if (found is not null)
        {
            Log.FoundEarlierLaunch(logger, leadId, found.Id);
        }

        return found;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Template '{Template}' was re-published: {OldId} is now {NewId}")]
        public static partial void Republished(ILogger logger, string template, string oldId, string newId);

        [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Lead {LeadId}: found workflow {WorkflowId} from an earlier attempt whose answer was lost; not launching again")]
        public static partial void FoundEarlierLaunch(ILogger logger, long leadId, string workflowId);
    }
}
