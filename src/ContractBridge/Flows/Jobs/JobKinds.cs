namespace ContractBridge.Flows.Jobs;

/// <summary>The job kinds the bridge runs, and the keys that serialise them: all work on a deal is keyed by its lead.</summary>
public static class JobKinds
{
    public const string Launch = "contract.launch";
    public const string Sync = "contract.sync";
    public const string Note = "kommo.note";
    public const string Task = "kommo.task";
    public const string StageMove = "kommo.stage";
    public const string Writeback = "kommo.writeback";
    public const string AttachDocument = "contract.attach";
    public const string SyncEdits = "contract.edits";
    public const string FindEditedDeals = "contract.edits.find";
    public const string DealLost = "deal.lost";
    public const string LegalQuestion = "deal.legal";
    public const string WorkflowMessage = "contract.message";

    public static string LeadKey(long leadId) => $"lead:{leadId}";

    public static string WorkflowKey(string workflowId) => $"workflow:{workflowId}";

    public static string EntityKey(string entity, long id) => $"{entity}:{id}";
}
