namespace ContractBridge.Audit;

/// <summary>The actions the audit log records, as stored.</summary>
public static class AuditActions
{
    public const string Login = "login";

    public const string Logout = "logout";

    public const string Replay = "replay";

    public const string ReplayAllDead = "replay-all-dead";

    public const string RuleSave = "rule-save";

    public const string RuleDelete = "rule-delete";

    public const string ConnectKommo = "connect-kommo";

    public const string ConnectIronclad = "connect-ironclad";

    public const string GoLive = "go-live";
}
