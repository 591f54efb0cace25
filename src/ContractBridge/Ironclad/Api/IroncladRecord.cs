using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Ironclad.Api;

/// <summary>
/// A contract record as <c>GET /records/{id}</c> returns it (RecordModel): its <see cref="Properties"/> keyed by property
/// id (<c>expirationDate</c>, <c>agreementDate</c>, …, each <c>{"type","value"}</c>), its contract status, and where it
/// came from (<see cref="Source"/>: the workflow that created it).
/// </summary>
public sealed record IroncladRecord(
    string Id,
    string? IroncladId,
    string? Type,
    string? Name,
    DateTimeOffset? LastUpdated,
    JsonObject? Properties,
    IroncladContractStatus? ContractStatus,
    IroncladRecordSource? Source)
{
    /// <summary>
    /// The record properties that hold the contract's expiration, as Ironclad names them: the standard
    /// <c>expirationDate</c> first, then <c>agreementExpirationDate</c>, which some record schemas use.
    /// </summary>
    public static readonly IReadOnlyList<string> ExpirationProperties = ["expirationDate", "agreementExpirationDate"];

    /// <summary>The expiration day (a date property's value is an ISO 8601 instant; its UTC day); null when the record has none.</summary>
    public DateOnly? ExpirationDate => ExpirationProperties.Select(DateProperty).FirstOrDefault(d => d is not null);

    /// <summary>The workflow that made the record (<c>source.workflowId</c>, which Ironclad may prefix with "workflow:").</summary>
    public string? WorkflowId => Source is { Type: "workflow", WorkflowId: { } id } ? (id.StartsWith("workflow:", StringComparison.Ordinal) ? id["workflow:".Length..] : id) : null;

    private DateOnly? DateProperty(string name)
    {
        if (Properties?[name] is not JsonObject property || property["value"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;
    }
}

/// <summary>A record's contract status: <c>status</c> active|inactive|indeterminate, <c>enhancedStatus</c> (expiring, inactive, …), a message.</summary>
public sealed record IroncladContractStatus(string? Status, string? EnhancedStatus, string? Message);

/// <summary>How the record was made: <c>{"type":"workflow","workflowId"}</c> for one a workflow created.</summary>
public sealed record IroncladRecordSource(string? Type, string? WorkflowId);
