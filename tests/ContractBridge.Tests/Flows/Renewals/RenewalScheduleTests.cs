using ContractBridge.Flows.Renewals;

namespace ContractBridge.Tests.Flows.Renewals;

public sealed class RenewalScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void DueAtNoonUtc_TheConfiguredDaysBeforeExpiry()
    {
        Assert.Equal(new DateTimeOffset(2027, 11, 1, 12, 0, 0, TimeSpan.Zero), RenewalSchedule.DueAt(new DateOnly(2027, 12, 31), 60, Now));
    }

    [Theory]
    [InlineData(2026, 12, 15)]
    [InlineData(2026, 1, 1)]
    public void AContractCloserToItsExpiryThanThat_IsDueWithinTheHour(int year, int month, int day)
    {
        Assert.Equal(Now.AddHours(1), RenewalSchedule.DueAt(new DateOnly(year, month, day), 60, Now));
    }
}
