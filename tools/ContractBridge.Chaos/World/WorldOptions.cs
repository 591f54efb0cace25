using ContractBridge.Simulators.Common;

namespace ContractBridge.Chaos.World;

/// <summary>How the simulated world of one run is set up.</summary>
public sealed record WorldOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The simulators' clock speed: rate windows and webhook retries run this much faster, and the bridge's client-side
    /// limits are scaled to match, so a 500-deal run takes minutes, not hours, under the real limits' shape.
    /// </summary>
    public double TimeScale { get; init; } = 60;

    public FaultProfile KommoFaults { get; init; } = FaultProfile.None;

    public FaultProfile IroncladFaults { get; init; } = FaultProfile.None;

    /// <summary>Kommo OAuth2 (single-use refresh tokens) instead of a long-lived token.</summary>
    public bool KommoOAuth { get; init; }

    /// <summary>How long the simulator's Kommo access tokens live (not scaled: it is what expires_in says).</summary>
    public TimeSpan KommoAccessTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Ironclad OAuth2 client credentials instead of a legacy API key.</summary>
    public bool IroncladOAuth { get; init; }
}
