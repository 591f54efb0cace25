using System.CommandLine.Parsing;

namespace ContractBridge.Cli;

/// <summary>
/// An absolute http(s) address given on the command line (`--public-url`). System.CommandLine has no parser for
/// <see cref="Uri"/>: without this one, any value ends in an exception when the option is read.
/// </summary>
public static class HttpUrl
{
    public static bool IsValid(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>The option's value, or a parse error that says what is expected (and exit code 1 before anything runs).</summary>
    public static Uri? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && IsValid(url))
        {
            return url;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name} must be an absolute http(s) address such as https://bridge.example.com, not '{text}'.");
        return null;
    }
}
