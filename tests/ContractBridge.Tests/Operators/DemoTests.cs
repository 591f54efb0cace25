using ContractBridge.Demo;

namespace ContractBridge.Tests.Operators;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_PlaysTheWholeStory_AndEveryExpectationIsMetAgainstTheSimulators()
    {
        using var output = new StringWriter();

        var exitCode = await new DemoRunner(output, new DemoSettings()).RunAsync(CancellationToken.None);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("All 23 expectations met", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", text, StringComparison.Ordinal);
        Assert.Contains("Dashboard: http://127.0.0.1:", text, StringComparison.Ordinal);
        Assert.Contains("← Kommo webhook", text, StringComparison.Ordinal);
        Assert.Contains("← Ironclad webhooks", text, StringComparison.Ordinal);
        Assert.Contains(".pdf", text, StringComparison.Ordinal);
        Assert.Contains("PASS  'Initech renewal''s contract holds the value raised in review  (contractValue 36,000, 1 update(s)", text, StringComparison.Ordinal);
        Assert.Contains("was lost (Closed - lost) by Maria", text, StringComparison.Ordinal);
    }
}
