using ContractBridge.Engine.Storage;

namespace ContractBridge.Upstream;

/// <summary>
/// What waits on which service: the pending jobs whose last error names it. Every upstream error's message begins with
/// the service's name ("Kommo GET /api/v4/leads: 503 …", "Ironclad: refused …"), which is what makes this a count the
/// store can answer with one indexed scan of the pending jobs.
/// </summary>
public static class UpstreamJobsWaiting
{
    public static async Task<IReadOnlyDictionary<UpstreamService, long>> CountAsync(IJobStore jobs, CancellationToken cancellationToken)
    {
        var waiting = new Dictionary<UpstreamService, long>();
        foreach (var service in Enum.GetValues<UpstreamService>())
        {
            waiting[service] = await jobs.CountPendingFailingWithAsync(service.ToString(), cancellationToken);
        }

        return waiting;
    }
}
