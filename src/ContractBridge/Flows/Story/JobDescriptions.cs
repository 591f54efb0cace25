using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Story;

/// <summary>What each kind of job does, said for the person reading a deal's story (what the bridge wrote, and where).</summary>
public static class JobDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [JobKinds.Launch] = "Launch the contract in Ironclad and note its number on the deal",
        [JobKinds.Sync] = "Read the workflow from Ironclad and bring the deal up to date",
        [JobKinds.Note] = "Write a note on the deal",
        [JobKinds.Task] = "Create a task on the deal",
        [JobKinds.StageMove] = "Move the deal's stage",
        [JobKinds.Writeback] = "Write the contract's number, link, status and dates into the deal's fields",
        [JobKinds.AttachDocument] = "Find the signed documents to attach to the deal",
        [JobKinds.AttachSignedDocument] = "Attach a signed document to the deal",
        [JobKinds.SignatureStarted] = "Start counting the days the signers take",
        [JobKinds.NudgeSigners] = "Look for signers who have not signed, and task the deal's owner",
        [JobKinds.RemindSigner] = "Ask Ironclad to remind a signer",
        [JobKinds.SyncEdits] = "Send the deal's edits to the workflow",
        [JobKinds.FindEditedDeals] = "Find the deals of an edited contact or company",
        [JobKinds.DealLost] = "Tell the workflow the deal was lost, moved back or deleted",
        [JobKinds.LegalQuestion] = "Relay a note for legal to the workflow as a comment",
        [JobKinds.WorkflowMessage] = "Comment on the workflow (and pause or cancel it), and note it on the deal",
        [JobKinds.ActivityRelay] = "Note legal's comments, approvals and turns on the deal",
        [JobKinds.ReadRecords] = "Read the executed contract's records for its dates",
        [JobKinds.RecordChanged] = "Read a changed record again",
        [JobKinds.RenewalTask] = "Create or move the renewal task on the deal",
    };

    /// <summary>The description of <paramref name="kind"/>; a kind this release does not know is shown as itself.</summary>
    public static string Describe(string kind) => Descriptions.TryGetValue(kind, out var description) ? description : kind;
}
