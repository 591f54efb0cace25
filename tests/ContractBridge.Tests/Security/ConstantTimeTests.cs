using System.Text.RegularExpressions;
using ContractBridge.Web;

namespace ContractBridge.Tests.Security;

/// <summary>
/// Secrets and signatures are compared in constant time. Timing itself cannot be measured reliably on a shared machine,
/// so this is the review made executable: the comparer's behaviour, and a scan of the service's sources that fails
/// when a presented credential is compared any other way than through SecretComparer or FixedTimeEquals.
/// </summary>
public sealed partial class ConstantTimeTests
{
    [Theory]
    [InlineData("s3cret-value-0123456789", "s3cret-value-0123456789", true)]
    [InlineData("s3cret-value-012345678", "s3cret-value-0123456789", false)]
    [InlineData("s3cret-value-0123456789x", "s3cret-value-0123456789", false)]
    [InlineData("S3CRET-VALUE-0123456789", "s3cret-value-0123456789", false)]
    [InlineData("x3cret-value-0123456789", "s3cret-value-0123456789", false)]
    [InlineData("", "s3cret-value-0123456789", false)]
    [InlineData(null, "s3cret-value-0123456789", false)]
    [InlineData("anything", "", false)]
    [InlineData("anything", null, false)]
    [InlineData("", "", false)]
    public void SecretComparer_MatchesOnlyTheSameNonEmptySecret(string? presented, string? expected, bool matches) =>
        Assert.Equal(matches, SecretComparer.Matches(presented, expected));

    [Fact]
    public void ServiceSources_CompareCredentialsOnlyInConstantTime()
    {
        var sources = Path.Combine(RepositoryRoot(), "src", "ContractBridge");
        var files = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var findings = (from file in files
                        from line in File.ReadLines(file).Select((text, number) => (Text: text, Number: number + 1))
                        where VariableTimeComparison().IsMatch(line.Text) && !IsAllowed(file, line.Text)
                        select $"{Path.GetRelativePath(sources, file)}:{line.Number}: {line.Text.Trim()}").ToList();

        Assert.True(findings.Count == 0, "Compare credentials with SecretComparer.Matches or CryptographicOperations.FixedTimeEquals:\n" + string.Join("\n", findings));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("CryptographicOperations.FixedTimeEquals", StringComparison.Ordinal) && f.EndsWith("SecretComparer.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("CryptographicOperations.FixedTimeEquals", StringComparison.Ordinal) && f.EndsWith("SeedDialectSignatureVerifier.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("SecretComparer.Matches(secret, connections.KommoWebhookSecret)", StringComparison.Ordinal));
    }

    /// <summary>Comparisons that are not credential checks: two of the bridge's own tokens, and state names.</summary>
    private static bool IsAllowed(string file, string line) =>
        (file.EndsWith("KommoOAuthTokens.cs", StringComparison.Ordinal) && line.Contains("state.AccessToken != rejected", StringComparison.Ordinal))
        || line.Contains("signatures, \"complete", StringComparison.Ordinal)
        || line.Contains("ContractState.Signature", StringComparison.Ordinal);

    /// <summary>==, !=, Equals (not FixedTimeEquals), SequenceEqual, StartsWith or CompareOrdinal next to a name that holds a credential.</summary>
    [GeneratedRegex(@"(?i)(secret|apikey|admintoken|accesstoken|refreshtoken|signature|hmac|presented|bearer)\w*\)?\s*(==|!=)\s*(?!null\b)|(==|!=)\s*\w*\.?(secret|apikey|admintoken|accesstoken|refreshtoken|signature|hmac|presented)|((?<!FixedTime)Equals|SequenceEqual|StartsWith|CompareOrdinal)\([^)]*(secret|apikey|admintoken|accesstoken|refreshtoken|signature|hmac|presented)")]
    private static partial Regex VariableTimeComparison();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContractBridge.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (ContractBridge.slnx) is not above the test's directory.");
    }
}
