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
    public const string AttachSignedDocument = "contract.attach.document";
    public const string SignatureStarted = "contract.signature.started";
    public const string NudgeSigners = "contract.nudge";
    public const string RemindSigner = "contract.remind";
    public const string SyncEdits = "contract.edits";
    public const string FindEditedDeals = "contract.edits.find";
    public const string DealLost = "deal.lost";
    public const string LegalQuestion = "deal.legal";
    public const string WorkflowMessage = "contract.message";
    public const string ActivityRelay = "contract.activity";
    public const string ReadRecords = "contract.records";
    public const string RecordChanged = "contract.record";
    public const string RenewalTask = "kommo.renewal";

    public static string LeadKey(long leadId) => $"lead:{leadId}";

    public static string WorkflowKey(string workflowId) => $"workflow:{workflowId}";

    /// <summary>A record event names only its record: its job is keyed by it until the record leads to its deal.</summary>
    public static string RecordKey(string recordId) => $"record:{recordId}";

    public static string EntityKey(string entity, long id) => $"{entity}:{id}";
}
