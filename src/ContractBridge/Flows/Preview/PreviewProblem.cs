namespace ContractBridge.Flows.Preview;

/// <summary>
/// One thing that would stop the deal's launch, or that is wrong with its rule: a code a page can act on
/// (<see cref="PreviewProblemCodes"/>), the attribute it concerns when there is one, and the words the launch's note or
/// `check` would use.
/// </summary>
public sealed record PreviewProblem(string Code, string? Attribute, string Message)
{
    public override string ToString() => Attribute is null ? Message : $"{Attribute} {Message}";
}
