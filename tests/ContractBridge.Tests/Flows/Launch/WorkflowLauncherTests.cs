using System.Net;
using ContractBridge.Flows.Launch;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Flows.Launch;

public sealed class WorkflowLauncherTests
{
    [Fact]
    public void MissingParam_WithAJsonArrayOfAttributes_NamesEachAttribute()
    {
        var refusal = Refused("MISSING_PARAM", "[\"counterpartySignerEmail\", \"contractValue\"]");

        Assert.Equal(
            "Ironclad says required attributes are missing: counterpartySignerEmail, contractValue (missing required attributes)",
            WorkflowLauncher.DescribeRefusal(refusal));
    }

    [Fact]
    public void InvalidParam_NamesTheAttributeAsIroncladGaveIt()
    {
        var refusal = Refused("INVALID_PARAM", "contractValue");

        Assert.Equal("Ironclad refused an attribute's value: contractValue (missing required attributes)", WorkflowLauncher.DescribeRefusal(refusal));
    }

    [Fact]
    public void ParamThatLooksLikeAnArrayButIsNot_IsShownAsGiven()
    {
        var refusal = Refused("MISSING_PARAM", "[counterpartySignerEmail");

        Assert.Equal("Ironclad says required attributes are missing: [counterpartySignerEmail (missing required attributes)", WorkflowLauncher.DescribeRefusal(refusal));
    }

    [Fact]
    public void UnknownCode_WithoutParam_SaysIroncladRefused_WithItsMessage()
    {
        var refusal = Refused(null, null);

        Assert.Equal("Ironclad refused the launch (missing required attributes)", WorkflowLauncher.DescribeRefusal(refusal));
    }

    [Theory]
    [InlineData(UpstreamService.Ironclad, HttpStatusCode.BadRequest, true)]
    [InlineData(UpstreamService.Ironclad, HttpStatusCode.NotFound, false)]
    [InlineData(UpstreamService.Ironclad, HttpStatusCode.Forbidden, false)]
    [InlineData(UpstreamService.Kommo, HttpStatusCode.BadRequest, false)]
    public void OnlyIroncladsBadRequest_IsARefusal(UpstreamService service, HttpStatusCode status, bool refusal) =>
        Assert.Equal(refusal, WorkflowLauncher.IsRefusal(new UpstreamException(service, "no", status, isTransient: false)));

    private static UpstreamException Refused(string? code, string? param) =>
        new(UpstreamService.Ironclad, "missing required attributes", HttpStatusCode.BadRequest, isTransient: false, errorCode: code, errorParam: param);
}
