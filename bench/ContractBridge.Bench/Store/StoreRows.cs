using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContractBridge.Contracts;

namespace ContractBridge.Bench.Store;

/// <summary>
/// What the generated rows hold, as the service writes them: a contract's lead, deal name, workflow id (Ironclad's
/// 24-hex object ids), IC number ("IC-n", numbered in launch order as Ironclad does), template, state, and the webhook
/// bodies the bridge stores (Kommo's form encoding, Ironclad's thin JSON envelope). Contract <c>c</c> (0-based) is the
/// c-th launched; everything about it is a function of c, so a run can find any contract again without a look-up.
/// </summary>
internal static class StoreRows
{
    public const long FirstLeadId = 21_000_001;
    public const long PipelineId = 7_100_001;
    public const long NegotiationStage = 64_200_003;
    public const long SendContractStage = 64_200_004;
    public const long WonStage = 142;
    public const long AccountId = 31_000_042;
    public const string Subdomain = "acme";
    public const string CompanyId = "605b9829cdd37d296123f4b4";
    public const string WebhookId = "6650f0e2b1c4d3a2e1f0a9b8";

    private static readonly string[] Companies =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne", "Soylent", "Vandelay",
        "Pied Piper", "Aperture", "Black Mesa", "Oscorp", "Gringotts", "Monarch", "Nakatomi", "Virtucon", "Prestige", "Dunder Mifflin",
        "Bluth", "Sterling Cooper", "Los Pollos", "Krusty", "Massive Dynamic", "Wernham Hogg", "Blue Sun", "Weyland",
    ];

    private static readonly string[] Suffixes = ["Ltd", "GmbH", "Inc", "S.A.", "BV", "LLC", "Oy", "AB", "SAS", "Pty"];

    private static readonly string[] Deals = ["annual licence", "renewal", "pilot", "expansion", "support plan", "enterprise seats", "onboarding", "data add-on"];

    private static readonly (string Template, string Rule)[] Templates = [("MSA", "msa"), ("NDA", "nda"), ("Order Form", "order-form"), ("SOW", "sow")];

    public static long LeadId(long c) => FirstLeadId + c;

    public static string IroncladNumber(long c) => "IC-" + (c + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>24 hex digits, distinct for every c (an odd multiplier is a bijection of 64-bit numbers), not in launch order.</summary>
    public static string WorkflowId(long c) => "6" + ((ulong)(c + 1) * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture) + "a1b2c3d";

    public static string RecordId(long c) => "7" + ((ulong)(c + 1) * 0xC2B2AE3D27D4EB4FUL).ToString("x16", CultureInfo.InvariantCulture) + "0e1f2a3";

    /// <summary>"Globex GmbH — renewal 2026 #48213": a name people search by its beginning (the company).</summary>
    public static string DealName(long c)
    {
        var h = Mix(c);
        return string.Create(CultureInfo.InvariantCulture, $"{Companies[h % (ulong)Companies.Length]} {Suffixes[(h >> 8) % (ulong)Suffixes.Length]} — {Deals[(h >> 16) % (ulong)Deals.Length]} #{c + 1}");
    }

    public static string? DealNameKey(long c) => ContractLinkSearch.NameKey(DealName(c));

    public static (string Template, string Rule) Template(long c) => Templates[Mix(c) >> 24 & 3];

    /// <summary>
    /// Older contracts have mostly finished (executed or cancelled); those of the last fifth of the history are mostly
    /// still open. About a fifth of all are open, as a bridge a year in would hold.
    /// </summary>
    public static ContractState State(long c, long contracts)
    {
        var roll = (int)((Mix(c) >> 32) % 100);
        var recent = c >= contracts * 4 / 5;
        (int Executed, int Cancelled, int Signature, int Review, int Draft) cut = recent ? (25, 30, 50, 75, 90) : (78, 92, 95, 98, 99);
        return roll < cut.Executed ? ContractState.Executed
            : roll < cut.Cancelled ? ContractState.Cancelled
            : roll < cut.Signature ? ContractState.Signature
            : roll < cut.Review ? ContractState.Review
            : roll < cut.Draft ? ContractState.Draft
            : ContractState.Created;
    }

    public static bool Paused(long c, ContractState state) => state is ContractState.Review or ContractState.Draft && Mix(c) % 50 == 7;

    public static bool IsOpen(ContractState state) => state is not (ContractState.Executed or ContractState.Cancelled);

    /// <summary>A Kommo status or update webhook about one lead, as Kommo posts it (PHP's http_build_query: brackets encoded, spaces as '+').</summary>
    public static string KommoBody(long c, bool statusChange, long statusId, long oldStatusId, long modifiedUnix, long createdUnix)
    {
        var section = statusChange ? "leads%5Bstatus%5D%5B0%5D" : "leads%5Bupdate%5D%5B0%5D";
        var builder = new StringBuilder(640);
        void Field(string name, string value) => builder.Append(section).Append("%5B").Append(name).Append("%5D=").Append(value).Append('&');
        Field("id", LeadId(c).ToString(CultureInfo.InvariantCulture));
        Field("name", System.Net.WebUtility.UrlEncode(DealName(c)));
        Field("status_id", statusId.ToString(CultureInfo.InvariantCulture));
        if (statusChange)
        {
            Field("old_status_id", oldStatusId.ToString(CultureInfo.InvariantCulture));
        }

        Field("pipeline_id", PipelineId.ToString(CultureInfo.InvariantCulture));
        Field("price", (12_000 + (long)(Mix(c) % 90_000)).ToString(CultureInfo.InvariantCulture));
        Field("responsible_user_id", (9_100_001 + (long)(Mix(c) % 12)).ToString(CultureInfo.InvariantCulture));
        Field("last_modified", modifiedUnix.ToString(CultureInfo.InvariantCulture));
        Field("modified_user_id", (9_100_001 + (long)(Mix(c + 1) % 12)).ToString(CultureInfo.InvariantCulture));
        Field("created_user_id", "9100001");
        Field("date_create", createdUnix.ToString(CultureInfo.InvariantCulture));
        Field("account_id", AccountId.ToString(CultureInfo.InvariantCulture));
        builder.Append("account%5Bsubdomain%5D=").Append(Subdomain)
            .Append("&account%5Bid%5D=").Append(AccountId.ToString(CultureInfo.InvariantCulture))
            .Append("&account%5B_links%5D%5Bself%5D=https%3A%2F%2F").Append(Subdomain).Append(".kommo.com");
        return builder.ToString();
    }

    /// <summary>The Kommo intake's dedupe key: the body's SHA-256.</summary>
    public static string KommoDedupeKey(string body) => "kommo:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>"lead 21000042 status → stage 64200004; 1 launch(es)", as the Kommo triggers summarise a webhook.</summary>
    public static string KommoSummary(long c, bool statusChange, long statusId, int launches) =>
        string.Create(CultureInfo.InvariantCulture, $"lead {LeadId(c)} {(statusChange ? "status" : "update")} → stage {statusId}") + (launches > 0 ? $"; {launches} launch(es)" : string.Empty);

    /// <summary>Ironclad's envelope: it names the event and the workflow only; the bridge reads the rest.</summary>
    public static string IroncladBody(long c, string eventName, DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"companyID":"{{CompanyId}}","payload":{"event":"{{eventName}}","templateID":"{{TemplateId(c)}}","workflowID":"{{WorkflowId(c)}}"},"timestamp":"{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","webhookID":"{{WebhookId}}"}""");

    /// <summary>"00-{trace}-{span}-01", as the intake stores the span that received the event.</summary>
    public static string TraceParent(long n) => string.Create(
        CultureInfo.InvariantCulture, $"00-{Mix(n):x16}{Mix(n + 1):x16}-{Mix(n + 2):x16}-01");

    /// <summary>A stable pseudo-random number per <paramref name="n"/> (splitmix64).</summary>
    public static ulong Mix(long n)
    {
        var z = (ulong)n + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string TemplateId(long c) => Template(c).Template switch
    {
        "MSA" => "6581f0c1d2e3f4a5b6c7d8e1",
        "NDA" => "6581f0c1d2e3f4a5b6c7d8e2",
        "Order Form" => "6581f0c1d2e3f4a5b6c7d8e3",
        _ => "6581f0c1d2e3f4a5b6c7d8e4",
    };
}
