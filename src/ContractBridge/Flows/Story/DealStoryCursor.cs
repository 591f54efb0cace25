namespace ContractBridge.Flows.Story;

/// <summary>Where each list of a deal's story starts: below these ids (<see cref="long.MaxValue"/>: the newest).</summary>
public sealed record DealStoryCursor(long StatesBefore = long.MaxValue, long JobsBefore = long.MaxValue, long EventsBefore = long.MaxValue, long WritesBefore = long.MaxValue)
{
    public static readonly DealStoryCursor Newest = new();
}
