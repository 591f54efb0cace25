using System.Net;
using ContractBridge.Kommo.Http;
using ContractBridge.Upstream;

namespace ContractBridge.Tests.Kommo;

/// <summary>Kommo's error answers, classified: what a retry can fix, and what the message tells a person to do.</summary>
public sealed class KommoProblemReaderTests
{
    private const string Json = "application/problem+json";

    private readonly KommoProblemReader _reader = new();

    [Fact]
    public void ValidationErrors_ArePermanent_AndNameEachFieldAndCode()
    {
        const string body = """
            {"title":"Bad Request","type":"https://httpstatus.es/400","status":400,"detail":"Request validation failed",
             "validation-errors":[{"request_id":"0","errors":[{"code":"NotSupportedChoice","path":"custom_fields_values.0.field_id","detail":"The value you have selected is not a valid choice."}]}]}
            """;

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, "PATCH /api/v4/leads", body, Json, null));

        Assert.False(failure.IsTransient);
        Assert.Equal(HttpStatusCode.BadRequest, failure.Status);
        Assert.Equal(
            "Kommo PATCH /api/v4/leads: 400 Request validation failed; custom_fields_values.0.field_id: The value you have selected is not a valid choice. (NotSupportedChoice)",
            failure.Message);
    }

    [Fact]
    public void ValidationErrors_NameEachRefusedItemByRequestId_WithEveryCodePathAndDetail()
    {
        const string body = """
            {"validation-errors":[
               {"request_id":"41","errors":[{"code":"NotFound","path":"entity_id","detail":"Lead 7 not found"}]},
               {"request_id":"43","errors":[{"code":"NotSupportedChoice","path":"task_type_id","detail":"Not a valid choice."},{"code":"NotBlank","path":"text","detail":"This value should not be blank."}]}],
             "title":"Bad Request","status":400,"detail":"Request validation failed"}
            """;

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, "POST /api/v4/tasks", body, Json, null));

        Assert.False(failure.IsTransient);
        Assert.Equal(["41", "43"], failure.RefusedItems.Select(r => r.RequestId));
        Assert.Equal([new BatchItemError("NotFound", "entity_id", "Lead 7 not found")], failure.RefusedItems[0].Errors);
        Assert.Equal(
            "task_type_id: Not a valid choice. (NotSupportedChoice); text: This value should not be blank. (NotBlank)",
            failure.RefusedItems[1].Reason);
        Assert.Equal(
            "Kommo POST /api/v4/tasks: 400 Request validation failed; entity_id: Lead 7 not found (NotFound); task_type_id: Not a valid choice. (NotSupportedChoice); text: This value should not be blank. (NotBlank)",
            failure.Message);
    }

    [Fact]
    public void ValidationErrorWithoutRequestId_NamesNoItem_ButIsStillDescribed()
    {
        const string body = """{"validation-errors":[{"errors":[{"code":"InvalidType","path":"price","detail":"This value should be of type int."}]}],"detail":"Request validation failed"}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, "PATCH /api/v4/leads", body, Json, null));

        Assert.Empty(failure.RefusedItems);
        Assert.EndsWith("price: This value should be of type int. (InvalidType)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestIdAsANumber_IsReadAsItsDigits()
    {
        const string body = """{"validation-errors":[{"request_id":12,"errors":[{"code":"NotNullable","path":"params.link","detail":"This value should not be null."}]}]}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, "POST /api/v4/leads/notes", body, Json, null));

        Assert.Equal("12", Assert.Single(failure.RefusedItems).RequestId);
    }

    [Theory]
    [InlineData("""{"title":"Bad Request","status":400,"detail":"Request body must be a JSON array"}""", "400 Request body must be a JSON array")]
    [InlineData("""["not","a","problem"]""", """400 ["not","a","problem"]""")]
    [InlineData("<html>oops</html>", "400 <html>oops</html>")]
    public void BadRequestWithoutValidationErrors_NamesNoItem(string body, string described)
    {
        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadRequest, "POST /api/v4/leads/notes", body, Json, null));

        Assert.False(failure.IsTransient);
        Assert.Empty(failure.RefusedItems);
        Assert.Equal($"Kommo POST /api/v4/leads/notes: {described}", failure.Message);
    }

    [Fact]
    public void RefusedToken_IsPermanent_AndSaysWhatToCheck()
    {
        const string body = """{"title":"Unauthorized","status":401,"detail":"Invalid access token"}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.Unauthorized, "GET /api/v4/account", body, Json, null));

        Assert.False(failure.IsTransient);
        Assert.Contains("401, the access token was refused (Invalid access token)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("KOMMO_ACCESS_TOKEN", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockPage_IsTransient_AndWaitsFiveMinutes_UnlessKommoSaysOtherwise()
    {
        var blocked = new UpstreamFailure(HttpStatusCode.Forbidden, "GET /api/v4/leads", "<html>blocked</html>", "text/html", null);

        var withoutHint = _reader.ToException(blocked);
        var withHint = _reader.ToException(blocked with { RetryAfter = TimeSpan.FromMinutes(30) });

        Assert.True(withoutHint.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(5), withoutHint.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(30), withHint.RetryAfter);
    }

    [Fact]
    public void ForbiddenAsJson_IsAPermissionProblem_NotABlock()
    {
        const string body = """{"title":"Forbidden","status":403,"detail":"Access denied"}""";

        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.Forbidden, "PATCH /api/v4/leads", body, Json, null));

        Assert.False(failure.IsTransient);
        Assert.Equal("Kommo PATCH /api/v4/leads: 403 Access denied", failure.Message);
    }

    [Fact]
    public void RateLimited_IsTransient_WithTheServersDelay()
    {
        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.TooManyRequests, "GET /api/v4/leads", "", null, TimeSpan.FromSeconds(1)));

        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.Equal("Kommo GET /api/v4/leads: 429, over the rate limit", failure.Message);
    }

    [Fact]
    public void ServerErrorWithoutProblemBody_IsTransient_AndQuotesTheBodyShortened()
    {
        var failure = _reader.ToException(new UpstreamFailure(HttpStatusCode.BadGateway, "GET /api/v4/leads", "Bad gateway\n" + new string('x', 300), "text/plain", null));

        Assert.True(failure.IsTransient);
        Assert.StartsWith("Kommo GET /api/v4/leads: 502 Bad gateway xxx", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("…", failure.Message, StringComparison.Ordinal);
    }
}
