namespace ContractBridge.Ironclad.Webhooks;

/// <summary>The verdict on an incoming Ironclad webhook's signature. Only <see cref="Valid"/> lets it in.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>No signature headers at all (401).</summary>
    MissingSignature,

    /// <summary>The signature headers cannot be read, or name an algorithm we do not accept (401).</summary>
    MalformedSignature,

    /// <summary>The signature does not match the body (401).</summary>
    SignatureMismatch,

    /// <summary>The body is not JSON, so there is nothing the signature could be over (400).</summary>
    MalformedBody,
}
