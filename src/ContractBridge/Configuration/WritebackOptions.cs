using ContractBridge.Contracts;

namespace ContractBridge.Configuration;

/// <summary>
/// The contract in the deal's own fields (section <c>Writeback</c>): each setting names a Kommo lead custom field by id
/// or code, all optional (<c>ContractBridge__Writeback__ContractNumber=80001</c>). <see cref="StateLabels"/> says which
/// option of a select or radiobutton field (or which text) stands for each state, the state's name by default;
/// <see cref="Tags"/> gives a state a tag or a comma list of them (<c>Writeback:Tags:Executed=contract-signed</c>).
/// </summary>
public sealed class WritebackOptions
{
    public string? ContractNumber { get; set; }

    public string? ContractUrl { get; set; }

    public string? ContractState { get; set; }

    public string? SignedDate { get; set; }

    public string? ExpirationDate { get; set; }

    /// <summary>State name (Created, Draft, Review, Signature, Executed, Cancelled; any case) → its label.</summary>
    public Dictionary<string, string> StateLabels { get; set; } = [];

    /// <summary>State name → the tag, or comma-separated tags, the deal carries while its contract is in that state.</summary>
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>The states a contract is written in: every state but the launch's reservation.</summary>
    public static IReadOnlyList<ContractState> States { get; } =
        [Contracts.ContractState.Created, Contracts.ContractState.Draft, Contracts.ContractState.Review, Contracts.ContractState.Signature, Contracts.ContractState.Executed, Contracts.ContractState.Cancelled];

    /// <summary>True when anything is written back: a field or a tag.</summary>
    public bool IsEnabled => Fields.Any() || Tags.Values.Any(t => ParseTags(t).Count > 0);

    /// <summary>Each configured field: which fact it holds, its setting's name, and the id or code it names.</summary>
    public IEnumerable<(WritebackFact Fact, string Setting, string Reference)> Fields
    {
        get
        {
            foreach (var (fact, reference) in new (WritebackFact, string?)[]
            {
                (WritebackFact.ContractNumber, ContractNumber),
                (WritebackFact.ContractUrl, ContractUrl),
                (WritebackFact.ContractState, ContractState),
                (WritebackFact.SignedDate, SignedDate),
                (WritebackFact.ExpirationDate, ExpirationDate),
            })
            {
                if (!string.IsNullOrWhiteSpace(reference))
                {
                    yield return (fact, SettingOf(fact), reference.Trim());
                }
            }
        }
    }

    public static string SettingOf(WritebackFact fact) => $"Writeback:{fact}";

    /// <summary>The label of a state: <see cref="StateLabels"/>' entry (any case of the state's name), else the name.</summary>
    public string LabelOf(ContractState state) =>
        Lookup(StateLabels, state) is { } label && !string.IsNullOrWhiteSpace(label) ? label.Trim() : state.ToString();

    /// <summary>The tags of a state, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> TagsOf(ContractState state) => ParseTags(Lookup(Tags, state));

    private static string? Lookup(Dictionary<string, string> map, ContractState state) =>
        map.FirstOrDefault(e => string.Equals(e.Key, state.ToString(), StringComparison.OrdinalIgnoreCase)).Value;

    private static List<string> ParseTags(string? tags) =>
        [.. (tags ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
