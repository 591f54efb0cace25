using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace ContractBridge.Web.Dashboard.Components;

/// <summary>
/// What every dashboard component may write: Razor encodes text itself, but job errors and event summaries come from
/// outside and may hold a token, so text from outside goes through <see cref="Masked"/> first.
/// </summary>
public abstract class DashboardComponent : ComponentBase
{
    [Inject]
    private SecretRedactor Redactor { get; set; } = null!;

    /// <summary>The text with every secret the service knows masked (Razor HTML-encodes it as it writes).</summary>
    protected string Masked(object? value) => Redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture));

    protected static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
