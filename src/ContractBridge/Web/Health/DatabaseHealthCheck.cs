using ContractBridge.Engine.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractBridge.Web.Health;

/// <summary>The database answers a ping; any failure to (an exception included) is the same answer: it does not.</summary>
public sealed class DatabaseHealthCheck(IBridgeStore store) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        bool answers;
        try
        {
            answers = await store.PingAsync(cancellationToken);
        }
        catch (Exception)
        {
            answers = false;
        }

        return answers ? HealthCheckResult.Healthy("the database answers") : HealthCheckResult.Unhealthy("the database does not answer");
    }
}
