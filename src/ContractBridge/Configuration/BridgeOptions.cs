namespace ContractBridge.Configuration;

/// <summary>
/// Everything ContractBridge is told, bound from the "ContractBridge" configuration section (appsettings.json,
/// environment variables <c>ContractBridge__Kommo__AccessToken</c>, and the seed's variables, see <see cref="SeedEnvironment"/>).
/// </summary>
public sealed class BridgeOptions
{
    public const string Section = "ContractBridge";

    /// <summary>Where the SQLite file lives when no PostgreSQL connection string is given.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>An Npgsql connection string; when set, PostgreSQL is used and several instances may share it.</summary>
    public string? Postgres { get; set; }

    /// <summary>The address Kommo and Ironclad reach this service at (for webhook registration), e.g. https://bridge.example.com.</summary>
    public Uri? PublicUrl { get; set; }

    public KommoOptions Kommo { get; set; } = new();

    public IroncladOptions Ironclad { get; set; } = new();

    /// <summary>Which deals launch which template, and what happens on the deal as the contract moves.</summary>
    public List<ContractRule> Rules { get; set; } = [];

    /// <summary>How the rules made in the dashboard (stored in the database) reach every instance.</summary>
    public StoredRulesOptions StoredRules { get; set; } = new();

    /// <summary>
    /// A note on a deal that starts with this (case-insensitive) is a question for legal: it goes to the contract's
    /// workflow as a comment.
    /// </summary>
    public string LegalNotePrefix { get; set; } = "@legal";

    /// <summary>The contract's number, link, state and dates in the deal's own custom fields, and tags per state.</summary>
    public WritebackOptions Writeback { get; set; } = new();

    public ReconcilerOptions Reconciler { get; set; } = new();

    public DashboardOptions Dashboard { get; set; } = new();

    /// <summary>The master key that protects the stored credentials' key ring (README, Security).</summary>
    public Secrets.SecretsOptions Secrets { get; set; } = new();
}
