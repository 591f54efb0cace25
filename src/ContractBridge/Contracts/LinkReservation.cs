namespace ContractBridge.Contracts;

/// <summary>The rules both stores share when a lead already has an active link.</summary>
internal static class LinkReservation
{
    public static ReservationOutcome Existing(ContractLink active, long jobId) =>
        new(active.LaunchJobId == jobId ? ReservationStatus.ReservedByThisJob : ReservationStatus.ActiveContractExists, active);

    public static InvalidOperationException NotReserved(long leadId, long jobId) =>
        new($"Lead {leadId} holds no active reservation of job {jobId}: call ReserveAsync first, and do not complete a launch whose link was cancelled.");
}
