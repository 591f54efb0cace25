namespace ContractBridge.Contracts;

/// <summary>
/// What to do with a state read from Ironclad. Ironclad's lastUpdated orders events: an older or equal one is stale or
/// repeated and ignored. A newer one that changes neither the state nor the pause only advances the stored time, and
/// its follow-ups are not stored, so the same state seen twice never doubles the actions on the deal.
/// </summary>
internal enum LinkStateChange
{
    Ignore,
    TimestampOnly,
    Apply,
}

