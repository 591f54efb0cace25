namespace ContractBridge.Upstream.Budget;

/// <summary>
/// What a limiter tells the store of its previous slice when it leases the next: it spent <paramref name="Used"/> of it,
/// the last call reaching the server by <paramref name="CountsUntil"/> minus the window. A spent slice then stops
/// counting a window and a margin after its last call instead of after the whole span, and permits left unspent go back
/// to the fleet; it costs nothing, as it rides on the lease the limiter needs anyway.
/// </summary>
public sealed record SettledSlice(DateTimeOffset GrantedAt, int Used, DateTimeOffset CountsUntil);
