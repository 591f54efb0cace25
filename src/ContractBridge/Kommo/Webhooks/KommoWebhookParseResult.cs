using System.Diagnostics.CodeAnalysis;

namespace ContractBridge.Kommo.Webhooks;

/// <summary>Either a parsed webhook or a message that tells the sender what is wrong with the body.</summary>
public sealed record KommoWebhookParseResult
{
    private KommoWebhookParseResult(KommoWebhook? webhook, string? error)
    {
        Webhook = webhook;
        Error = error;
    }

    public KommoWebhook? Webhook { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Webhook))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Webhook is not null;

    public static KommoWebhookParseResult Ok(KommoWebhook webhook) => new(webhook, null);

    public static KommoWebhookParseResult Fail(string error) => new(null, error);
}
