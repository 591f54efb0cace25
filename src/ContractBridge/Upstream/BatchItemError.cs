namespace ContractBridge.Upstream;

/// <summary>One reason a batch item was refused: the service's code, the field's dotted path, and its explanation.</summary>
public sealed record BatchItemError(string Code, string Path, string Detail)
{
    public string Describe() => $"{Path}: {Detail} ({Code})";
}
