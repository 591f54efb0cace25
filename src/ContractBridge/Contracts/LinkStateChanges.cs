using ContractBridge.Engine.Storage;

namespace ContractBridge.Contracts;

/// <summary>Decides what a state read from Ironclad does to a link (see <see cref="LinkStateChange"/>); both stores ask it.</summary>
internal static class LinkStateChanges
{
    public static LinkStateChange Decide(ContractLink? current, ContractState state, bool paused, DateTimeOffset ironcladUpdatedAt)
    {
        if (current is null || (current.IroncladUpdatedAt is { } stored && DbTime.Truncate(ironcladUpdatedAt) <= stored))
        {
            return LinkStateChange.Ignore;
        }

        return current.State == state && current.Paused == paused ? LinkStateChange.TimestampOnly : LinkStateChange.Apply;
    }
}
