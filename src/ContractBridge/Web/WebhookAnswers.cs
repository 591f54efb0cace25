namespace ContractBridge.Web;

/// <summary>Answers to webhook senders: short JSON, a message that says what is wrong, never anything secret.</summary>
public static class WebhookAnswers
{
    public static IResult Stored(string outcome, int jobs) => Results.Json(new { status = outcome, jobs });

    public static IResult Unauthorized(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult TooLarge(int limit) =>
        Results.Json(new { error = $"The body is larger than {limit / 1024} KiB." }, statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult Unavailable(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>503 with Retry-After: nothing was stored, and the same delivery will be taken once the database answers.</summary>
    public static IResult DatabaseUnreachable(TimeSpan retryAfter) =>
        new WithRetryAfter(Unavailable("The database is unreachable; the event was not stored. Deliver it again later."), retryAfter);
}
