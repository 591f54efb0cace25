using System.Diagnostics.CodeAnalysis;

namespace ContractBridge.Ironclad.Webhooks;

/// <summary>Either a parsed webhook or a message that tells the sender what is wrong with the body.</summary>
public sealed record IroncladWebhookParseResult
{
    private IroncladWebhookParseResult(IroncladWebhook? webhook, string? error)
    {
        Webhook = webhook;
        Error = error;
    }

    public IroncladWebhook? Webhook { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Webhook))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Webhook is not null;

    public static IroncladWebhookParseResult Ok(IroncladWebhook webhook) => new(webhook, null);

    public static IroncladWebhookParseResult Fail(string error) => new(null, error);
}
