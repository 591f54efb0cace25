using System.Globalization;

namespace ContractBridge.Web;

/// <summary>An answer with a Retry-After header (whole seconds), for results that have no way to set one.</summary>
public sealed class WithRetryAfter(IResult inner, TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
