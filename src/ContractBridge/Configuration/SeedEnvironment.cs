using System.Collections;

namespace ContractBridge.Configuration;

/// <summary>
/// The seed document's environment variables (and a few of our own short ones), turned into configuration keys, so an
/// existing single-pipeline setup runs unchanged. Added before the regular sources: appsettings and
/// <c>ContractBridge__*</c> variables override them.
/// </summary>
public static class SeedEnvironment
{
    private const string Prefix = BridgeOptions.Section + ":";

    public static IReadOnlyDictionary<string, string?> ToConfiguration(IDictionary environment)
    {
        string? Get(string name) => environment[name] is string { Length: > 0 } value ? value.Trim() : null;

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Set(string key, string? value)
        {
            if (value is not null)
            {
                settings[Prefix + key] = value;
            }
        }

        Set("DataDirectory", Get("CONTRACTBRIDGE_DATA_DIR"));
        Set("Postgres", Get("CONTRACTBRIDGE_POSTGRES"));
        Set("PublicUrl", Get("CONTRACTBRIDGE_PUBLIC_URL"));
        Set("Dashboard:AdminToken", Get("CONTRACTBRIDGE_ADMIN_TOKEN"));
        Set("Dashboard:ViewerToken", Get("CONTRACTBRIDGE_VIEWER_TOKEN"));
        Set("Secrets:MasterKey", Get("CONTRACTBRIDGE_MASTER_KEY"));
        Set("Secrets:PreviousMasterKeys", Get("CONTRACTBRIDGE_MASTER_KEY_PREVIOUS"));

        var subdomain = Get("KOMMO_SUBDOMAIN");
        Set("Kommo:BaseUrl", Get("KOMMO_BASE_URL") ?? (subdomain is null ? null : $"https://{subdomain}.kommo.com/api/v4"));
        Set("Kommo:AccessToken", Get("KOMMO_ACCESS_TOKEN"));
        Set("Kommo:WebhookSecret", Get("KOMMO_WEBHOOK_SECRET"));

        Set("Ironclad:BaseUrl", Get("IRONCLAD_BASE_URL") ?? (Get("IRONCLAD_API_KEY") is null ? null : "https://ironcladapp.com/public/api/v1"));
        Set("Ironclad:ApiKey", Get("IRONCLAD_API_KEY"));
        Set("Ironclad:CreatorEmail", Get("IRONCLAD_CREATOR_EMAIL"));
        Set("Ironclad:WebhookSecret", Get("IRONCLAD_WEBHOOK_SECRET"));

        var stage = Get("KOMMO_CONTRACT_STAGE_ID");
        if (stage is not null)
        {
            Set("Rules:0:Name", "default");
            Set("Rules:0:StageId", stage);
            Set("Rules:0:PipelineId", Get("KOMMO_PIPELINE_ID"));
            Set("Rules:0:Template", Get("IRONCLAD_TEMPLATE_NAME") ?? "MSA");
            Set("Rules:0:ClosedWonStageId", Get("KOMMO_CLOSED_WON_ID"));
        }

        return settings;
    }
}
