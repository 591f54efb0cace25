using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractBridge.Dashboard.Tests;

/// <summary>Signing in as a person does: the login form, the token typed in, "Log in", and the overview drawn.</summary>
public static class DashboardLogin
{
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Admin token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
    }
}
