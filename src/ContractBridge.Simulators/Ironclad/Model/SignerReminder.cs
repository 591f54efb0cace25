namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>One reminder Ironclad sent a signer (<c>POST …/sign-status/signers/{role}/remind</c>), so tests can see it.</summary>
public sealed record SignerReminder(string RoleName, string Email, DateTimeOffset At);
