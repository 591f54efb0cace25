namespace ContractBridge.Simulators.Kommo.Store;

/// <summary>
/// Id counters, one per entity kind, each starting in its own range, so a client that sends a contact id where a lead id
/// belongs gets "not found" instead of a lucky match. Deterministic: the same seeding gives the same ids.
/// </summary>
internal sealed class KommoIdSequences
{
    private long _user = 9_100_000;
    private long _pipeline = 7_100_000;
    private long _status = 61_000_000;
    private long _lossReason = 5_100_000;
    private long _customField = 810_000;
    private long _enum = 920_000;
    private long _lead = 21_000_000;
    private long _contact = 31_000_000;
    private long _company = 41_000_000;
    private long _note = 51_000_000;
    private long _task = 71_000_000;
    private long _file = 81_000_000;
    private long _uploadSession = 91_000_000;
    private long _webhook = 1_000;
    private long _tag = 11_000_000;
    private long _event;

    public long NextUser() => ++_user;

    public long NextPipeline() => ++_pipeline;

    public long NextStatus() => ++_status;

    public long NextLossReason() => ++_lossReason;

    public long NextCustomField() => ++_customField;

    public long NextEnum() => ++_enum;

    public long NextLead() => ++_lead;

    public long NextContact() => ++_contact;

    public long NextCompany() => ++_company;

    public long NextNote() => ++_note;

    public long NextTask() => ++_task;

    public long NextFile() => ++_file;

    public long NextUploadSession() => ++_uploadSession;

    public long NextWebhook() => ++_webhook;

    public long NextTag() => ++_tag;

    public long NextEvent() => ++_event;
}
