namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>The OAuth scopes the simulated routes require (names from Ironclad's OpenAPI description).</summary>
public static class IroncladScopes
{
    public const string ReadSchemas = "public.workflows.readSchemas";
    public const string CreateWorkflows = "public.workflows.createWorkflows";
    public const string ReadWorkflows = "public.workflows.readWorkflows";
    public const string ReadDocuments = "public.workflows.readDocuments";
    public const string UpdateSignaturePacket = "public.workflows.updateSignaturePacket";
    public const string ReadSignStatus = "public.workflows.readSignStatus";
    public const string RemindSigners = "public.workflows.remindSigners";
    public const string Cancel = "public.workflows.cancel";
    public const string PauseAndResume = "public.workflows.pauseAndResume";
    public const string RevertToReview = "public.workflows.revertToReview";
    public const string UpdateWorkflows = "public.workflows.updateWorkflows";
    public const string CreateComments = "public.workflows.createComments";
    public const string ReadComments = "public.workflows.readComments";
    public const string ReadApprovals = "public.workflows.readApprovals";
    public const string UpdateApprovals = "public.workflows.updateApprovals";
    public const string ReadTurnHistory = "public.workflows.readTurnHistory";
    public const string ReadRecords = "public.records.readRecords";
    public const string CreateWebhooks = "public.webhooks.createWebhooks";
    public const string ReadWebhooks = "public.webhooks.readWebhooks";
    public const string UpdateWebhooks = "public.webhooks.updateWebhooks";
    public const string DeleteWebhooks = "public.webhooks.deleteWebhooks";

    /// <summary>Every scope a client may ask for; a token request without <c>scope</c> gets them all.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ReadSchemas, CreateWorkflows, ReadWorkflows, ReadDocuments, UpdateSignaturePacket, ReadSignStatus, RemindSigners, Cancel, PauseAndResume, RevertToReview, UpdateWorkflows,
        CreateComments, ReadComments, ReadApprovals, UpdateApprovals, ReadTurnHistory, ReadRecords, CreateWebhooks, ReadWebhooks, UpdateWebhooks, DeleteWebhooks,
    ];
}
