using System.Globalization;
using ContractBridge.Web.Dashboard.Components;

namespace ContractBridge.Web.Dashboard;

/// <summary>Why an admin token was not even compared (too many wrong ones), and how long to wait.</summary>
/// <param name="Everyone">True when all clients together failed too often; false when this client did.</param>
public sealed record LoginRefusal(TimeSpan RetryAfter, bool Everyone)
{
    /// <summary>Whole seconds, rounded up: a client that waits this long is not refused again for the same reason.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    public string Message => Everyone
        ? $"Too many wrong admin tokens from all clients in the last minute: wait {Describe()} before trying again."
        : $"Too many wrong admin tokens from your address: wait {Describe()} before trying again.";

    /// <summary>429 with Retry-After: the login form saying how long to wait, or a problem page for a bearer request.</summary>
    public IResult Answer(HttpContext context, bool withForm)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return withForm
            ? LoginPage.For(context, Message, StatusCodes.Status429TooManyRequests)
            : DashboardPages.Problem(StatusCodes.Status429TooManyRequests, "Too many wrong tokens", Message, null);
    }

    private string Describe() => RetryAfterSeconds switch
    {
        1 => "1 second",
        < 120 => $"{RetryAfterSeconds} seconds",
        _ => $"{(int)Math.Ceiling(RetryAfterSeconds / 60.0)} minutes",
    };
}
