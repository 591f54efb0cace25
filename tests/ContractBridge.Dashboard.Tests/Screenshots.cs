using Microsoft.Playwright;

namespace ContractBridge.Dashboard.Tests;

/// <summary>
/// Full-page screenshots of the pages a test walks through: into <c>$CONTRACTBRIDGE_SCREENSHOTS</c> (an absolute path: tests run in their output directory) when it is set
/// (the README's pictures are made that way: see docs/screenshots), else beside the test binary, for a failed run's
/// reader.
/// </summary>
public static class Screenshots
{
    public static Task SaveAsync(IPage page, string name)
    {
        var configured = Environment.GetEnvironmentVariable("CONTRACTBRIDGE_SCREENSHOTS");
        var directory = string.IsNullOrWhiteSpace(configured) ? AppContext.BaseDirectory : Path.GetFullPath(configured);
        Directory.CreateDirectory(directory);
        return page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
