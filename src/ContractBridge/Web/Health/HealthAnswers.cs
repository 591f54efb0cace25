using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractBridge.Web.Health;

/// <summary>
/// The probes' plain-text bodies: "ok" for liveness; for readiness "ready", "ready (degraded: …)" when an upstream
/// fails, or the first reason it is not ready, checked in the order a person would look (host, database, workers).
/// </summary>
public static class HealthAnswers
{
    private static readonly string[] Order = [HostLifetimeHealthCheck.Name, DatabaseHealthCheck.Name, JobEngineHealthCheck.Name, UpstreamHealthCheck.Name];

    public static Task Live(HttpContext context, HealthReport report) => Write(context, "ok");

    public static Task Ready(HttpContext context, HealthReport report)
    {
        var entries = Order.Where(report.Entries.ContainsKey).Select(name => report.Entries[name]).ToList();
        var text = report.Status switch
        {
            HealthStatus.Healthy => "ready",
            HealthStatus.Degraded => $"ready (degraded: {string.Join("; ", entries.Where(e => e.Status == HealthStatus.Degraded).Select(e => e.Description))})",
            _ => entries.First(e => e.Status == HealthStatus.Unhealthy).Description ?? "not ready",
        };
        return Write(context, text);
    }

    private static Task Write(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, Encoding.UTF8);
    }
}
