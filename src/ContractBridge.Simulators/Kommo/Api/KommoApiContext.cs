using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Auth;
using ContractBridge.Simulators.Kommo.Store;
using ContractBridge.Simulators.Kommo.Webhooks;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>What every endpoint group needs: the account, its clock, its links, its tokens and its webhooks.</summary>
internal sealed class KommoApiContext(
    KommoSimulatorOptions options,
    SimulatorClock clock,
    KommoStore store,
    KommoLinks links,
    KommoTokenStore tokens,
    KommoWebhookEmitter webhooks)
{
    public KommoSimulatorOptions Options { get; } = options;

    public SimulatorClock Clock { get; } = clock;

    public KommoStore Store { get; } = store;

    public KommoLinks Links { get; } = links;

    public KommoTokenStore Tokens { get; } = tokens;

    public KommoWebhookEmitter Webhooks { get; } = webhooks;

    public long AccountId => Options.AccountId;

    /// <summary>Kommo's timestamps are unix seconds.</summary>
    public long Now() => Clock.UtcNow.ToUnixTimeSeconds();

    /// <summary>A route value that must be a number (the route constraint has already checked it).</summary>
    public static long RouteId(HttpContext context, string name = "id") =>
        long.Parse((string)context.Request.RouteValues[name]!, System.Globalization.CultureInfo.InvariantCulture);
}
