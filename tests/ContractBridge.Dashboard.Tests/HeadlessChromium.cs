using Microsoft.Playwright;

namespace ContractBridge.Dashboard.Tests;

/// <summary>
/// Debian's chromium, driven by Playwright for .NET. Playwright's own browser builds are never downloaded (they cannot
/// be here): the driver that ships in the NuGet package launches the system browser, headless, with the flags that
/// keep it off the network and working as root.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable("CONTRACTBRIDGE_TEST_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium is not at {path}. Install Debian's chromium (scripts/test.sh does) or set CONTRACTBRIDGE_TEST_CHROMIUM.");
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
