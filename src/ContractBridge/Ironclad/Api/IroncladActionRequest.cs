namespace ContractBridge.Ironclad.Api;

/// <summary>The body of cancel, pause and resume: Ironclad requires each to carry a comment (<c>{"comment":{"message"}}</c>).</summary>
public sealed record IroncladActionRequest(IroncladActionComment Comment)
{
    public static IroncladActionRequest WithMessage(string message) => new(new IroncladActionComment(message));
}
