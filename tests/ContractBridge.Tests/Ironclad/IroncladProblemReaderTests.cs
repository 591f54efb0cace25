using System.Net;
using ContractBridge.Ironclad.Http;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Ironclad;

/// <summary>Ironclad's error answers carry its code and param, so a schema mismatch is told apart from a 429 or 5xx.</summary>
public sealed class IroncladProblemReaderTests
{
    private const string Launch = "POST /public/api/v1/workflows";

    private readonly IroncladProblemReader _reader = new();

    [Fact]
    public void InvalidParam_IsPermanent_AndCarriesCodeAndParam()
    {
        const string body = """{"code":"INVALID_PARAM","message":"counterpartySignerEmail must be an email","param":"counterpartySignerEmail"}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, Launch, body, "application/json", null));

        Assert.False(failure.IsTransient);
        Assert.Equal(UpstreamService.Ironclad, failure.Service);
        Assert.Equal("INVALID_PARAM", failure.ErrorCode);
        Assert.Equal("counterpartySignerEmail", failure.ErrorParam);
        Assert.Equal($"Ironclad {Launch}: 400 INVALID_PARAM counterpartySignerEmail must be an email", failure.Message);
    }

    [Fact]
    public void NotFound_IsRecognisedByItsCode()
    {
        const string body = """{"code":"NOT_FOUND","message":"template not found","param":"template"}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, Launch, body, "application/json", null));

        Assert.True(failure.IsNotFound);
        Assert.Equal("template", failure.ErrorParam);
    }

    [Fact]
    public void Forbidden_SaysAScopeOrAccessIsMissing()
    {
        const string body = """{"code":"FORBIDDEN","message":"missing scope public.workflows.createWorkflows"}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.Forbidden, Launch, body, "application/json", null));

        Assert.False(failure.IsTransient);
        Assert.Equal($"Ironclad {Launch}: 403 (missing scope public.workflows.createWorkflows); the token lacks a scope or the user lacks access", failure.Message);
    }

    [Fact]
    public void RateLimited_IsTransient_WithTheServersDelay()
    {
        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.TooManyRequests, Launch, "", null, TimeSpan.FromSeconds(20)));

        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(20), failure.RetryAfter);
        Assert.Equal($"Ironclad {Launch}: 429, over the rate limit", failure.Message);
    }

    [Fact]
    public void ServerErrorThatIsNotJson_IsTransient_AndQuotesTheBody()
    {
        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadGateway, "GET /public/api/v1/workflows", "<html>502 Bad Gateway</html>", "text/html", null));

        Assert.True(failure.IsTransient);
        Assert.Null(failure.ErrorCode);
        Assert.Equal("Ironclad GET /public/api/v1/workflows: 502 <html>502 Bad Gateway</html>", failure.Message);
    }
}
