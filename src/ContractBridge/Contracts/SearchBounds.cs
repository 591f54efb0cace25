namespace ContractBridge.Contracts;

/// <summary>
/// The parameters of one page of a contract search (<see cref="ContractStorySql.SearchStatements"/>): where each arm
/// resumes, and how many it reads (0 for an arm the page has passed).
/// </summary>
public sealed record SearchBounds(
    long LeadBefore,
    int LeadLimit,
    (string Key, long Id) NumberAfter,
    int NumberLimit,
    (string Key, long Id) NameAfter,
    int NameLimit);
