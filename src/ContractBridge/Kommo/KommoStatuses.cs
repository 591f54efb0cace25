namespace ContractBridge.Kommo;

/// <summary>System statuses that exist, with these ids, in every Kommo pipeline.</summary>
public static class KommoStatuses
{
    public const long ClosedWon = 142;
    public const long ClosedLost = 143;

    public static bool IsClosed(long statusId) => statusId is ClosedWon or ClosedLost;
}
