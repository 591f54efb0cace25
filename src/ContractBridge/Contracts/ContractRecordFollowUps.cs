using ContractBridge.Engine.Jobs;

namespace ContractBridge.Contracts;

/// <summary>
/// What an observed change of a record means, decided inside the store's transaction from the record as stored before
/// (null: first seen) and as it is now; the jobs returned commit with the change.
/// </summary>
public delegate IReadOnlyList<NewJob> ContractRecordFollowUps(ContractRecord? before, ContractRecord now);
