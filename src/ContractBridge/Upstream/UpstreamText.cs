namespace ContractBridge.Upstream;

/// <summary>How upstream calls and answers appear in messages: short, on one line, without query strings.</summary>
public static class UpstreamText
{
    /// <summary>"GET /api/v4/leads": a request's method and path, without its query.</summary>
    public static string Describe(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return "call";
        }

        // HttpClient makes the address absolute before the handlers see it; a request not yet sent may still be relative.
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0];
        return $"{request.Method} {path}";
    }

    /// <summary>At most 200 characters of an answer, on one line.</summary>
    public static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "…";
    }
}
