namespace ContractBridge.Ironclad.Webhooks;

/// <summary>Which of the two webhook formats a body came in; the signature that authenticated it says which.</summary>
public enum IroncladWebhookDialect
{
    /// <summary>Ironclad's envelope, RSA-signed: <c>{"companyID","payload":{"event","templateID","workflowID"},"timestamp","webhookID"}</c>.</summary>
    Envelope,

    /// <summary>The seed document's body, HMAC-signed: <c>{"event":"workflow.state.changed","workflowId","workflowStatus"}</c>.</summary>
    Seed,
}
