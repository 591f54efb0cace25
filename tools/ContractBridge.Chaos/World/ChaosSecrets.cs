namespace ContractBridge.Chaos.World;

/// <summary>
/// Distinctive credentials for one run, given to the simulators and to the bridge, so that any of them appearing in a
/// log line or an HTTP answer is found by a plain text search.
/// </summary>
public sealed record ChaosSecrets(
    string KommoToken,
    string KommoClientSecret,
    string KommoRefreshToken,
    string KommoWebhookSecret,
    string IroncladApiKey,
    string IroncladClientSecret,
    string IroncladWebhookSecret,
    string AdminToken,
    string MasterKey)
{
    public static ChaosSecrets Create(int seed)
    {
        var random = new Random(seed ^ 0x5EC2E7);
        string Make(string kind)
        {
            var bytes = new byte[12];
            random.NextBytes(bytes);
            return $"{kind}-S3CR3T-{Convert.ToHexStringLower(bytes)}";
        }

        return new ChaosSecrets(
            Make("kommo-token"),
            Make("kommo-client-secret"),
            Make("kommo-refresh"),
            Make("kommo-hook"),
            Make("ironclad-key"),
            Make("ironclad-client-secret"),
            Make("ironclad-hmac"),
            Make("admin-token"),
            MasterKeyOf(random));
    }

    public IReadOnlyList<(string Name, string Value)> All =>
    [
        (nameof(KommoToken), KommoToken),
        (nameof(KommoClientSecret), KommoClientSecret),
        (nameof(KommoRefreshToken), KommoRefreshToken),
        (nameof(KommoWebhookSecret), KommoWebhookSecret),
        (nameof(IroncladApiKey), IroncladApiKey),
        (nameof(IroncladClientSecret), IroncladClientSecret),
        (nameof(IroncladWebhookSecret), IroncladWebhookSecret),
        (nameof(AdminToken), AdminToken),
        (nameof(MasterKey), MasterKey),
    ];

    /// <summary>The master key every instance of the run holds (a fleet on PostgreSQL refuses to start without one).</summary>
    private static string MasterKeyOf(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }
}
