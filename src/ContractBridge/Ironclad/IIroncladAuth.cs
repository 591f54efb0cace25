using ContractBridge.Upstream;

namespace ContractBridge.Ironclad;

/// <summary>Ironclad credentials: a legacy bearer token, or an OAuth2 token plus x-as-user-email.</summary>
public interface IIroncladAuth : IUpstreamAuthorization
{
    /// <summary>True for legacy tokens: launches must then name a creator.</summary>
    bool NeedsCreator { get; }
}
