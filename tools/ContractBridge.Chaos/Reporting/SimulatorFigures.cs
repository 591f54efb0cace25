using ContractBridge.Chaos.World;

namespace ContractBridge.Chaos.Reporting;

/// <summary>Copies the simulators' own counters (faults injected, calls answered, webhooks sent) into a result.</summary>
public static class SimulatorFigures
{
    public static void AddTo(ScenarioResult result, ChaosWorld world)
    {
        foreach (var (kind, count) in world.Kommo.Faults.Injected().Where(f => f.Value > 0))
        {
            result.Faults["kommo." + kind] = count;
        }

        foreach (var (kind, count) in world.Ironclad.Faults.Injected().Where(f => f.Value > 0))
        {
            result.Faults["ironclad." + kind] = count;
        }

        var kommo = world.Kommo.Control.Calls;
        var ironclad = world.Ironclad.Control.Calls();
        result.Requests["kommo API calls"] = kommo.Total;
        result.Requests["ironclad API calls"] = ironclad.Total;
        result.Requests["kommo webhook deliveries"] = world.Kommo.Control.WebhookAttempts.Count(a => a.Attempt > 0);
        result.Requests["ironclad webhook deliveries"] = world.Ironclad.Control.WebhookAttempts().Count(a => a.Attempt > 0);
        result.Figures["kommo 429 answered"] = kommo.TooManyRequests;
        result.Figures["ironclad 429 answered"] = ironclad.TooManyRequests;
        result.Figures["kommo oauth refreshes"] = world.Kommo.Control.OAuth.Refreshes;
        result.Figures["kommo oauth refused refreshes"] = world.Kommo.Control.OAuth.RejectedRefreshes;
    }
}
