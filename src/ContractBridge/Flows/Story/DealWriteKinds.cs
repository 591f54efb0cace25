namespace ContractBridge.Flows.Story;

/// <summary>The kinds of <see cref="DealWrite"/>, as stored and shown.</summary>
public static class DealWriteKinds
{
    public const string Note = "note";
    public const string Attachment = "attachment";
    public const string Task = "task";
    public const string Stage = "stage";
    public const string Fields = "fields";
    public const string Tags = "tags";
}
