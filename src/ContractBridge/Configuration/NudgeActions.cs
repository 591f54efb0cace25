namespace ContractBridge.Configuration;

/// <summary>
/// Signatures that stall: a contract out for signature for <see cref="After"/> with a signer who has not signed gets a
/// task for the deal's responsible user naming the signer and the days waited, once per signer every
/// <see cref="After"/> (after 5 days, after 10, …); with <see cref="RemindSigner"/> Ironclad also reminds that signer.
/// </summary>
public sealed class NudgeActions
{
    /// <summary>How long a signer may take before the rep is told (and, per rule, the signer reminded); again each time it passes.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Also ask Ironclad to email the signer a reminder (<c>POST …/sign-status/signers/{role}/remind</c>).</summary>
    public bool RemindSigner { get; set; }
}
