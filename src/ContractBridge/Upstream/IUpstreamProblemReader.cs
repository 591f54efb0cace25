namespace ContractBridge.Upstream;

/// <summary>One service's reading of its error answers (problem+json for Kommo, code/message/param for Ironclad).</summary>
public interface IUpstreamProblemReader
{
    /// <summary>The failure as an exception that says whether a retry can help and what to fix when it cannot.</summary>
    UpstreamException ToException(UpstreamFailure failure);
}
