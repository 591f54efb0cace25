using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// The templates a fresh simulator publishes. They differ on purpose: the NDA has no contract value, the SOW has no
/// <c>kommoLeadId</c>, so a bridge cannot assume every template has every field.
/// </summary>
public static class SampleTemplates
{
    public static TemplateDefinition Msa { get; } = new("MSA",
    [
        new("counterpartyName", AttributeTypes.String, "Counterparty Name", Required: true),
        new("contractValue", AttributeTypes.MonetaryAmount, "Contract Value", Required: true),
        new("counterpartySignerName", AttributeTypes.String, "Counterparty Signer Name", Required: true),
        new("counterpartySignerEmail", AttributeTypes.Email, "Counterparty Signer Email", Required: true),
        new("counterpartySignerTitle", AttributeTypes.String, "Counterparty Signer Title"),
        new("kommoLeadId", AttributeTypes.String, "Kommo Lead ID"),
        new("effectiveDate", AttributeTypes.Date, "Effective Date"),
        new("termMonths", AttributeTypes.Number, "Term (Months)", Default: JsonValue.Create(12)),
        new("autoRenew", AttributeTypes.Boolean, "Auto-Renew", Default: JsonValue.Create(false)),
        new("paymentTerms", AttributeTypes.String, "Payment Terms", Default: JsonValue.Create("Net 30"), Options: ["Net 30", "Net 60"]),
    ]);

    public static TemplateDefinition Nda { get; } = new("NDA",
    [
        new("counterpartyName", AttributeTypes.String, "Counterparty Name", Required: true),
        new("counterpartySignerName", AttributeTypes.String, "Counterparty Signer Name", Required: true),
        new("counterpartySignerEmail", AttributeTypes.Email, "Counterparty Signer Email", Required: true),
        new("kommoLeadId", AttributeTypes.String, "Kommo Lead ID"),
        new("effectiveDate", AttributeTypes.Date, "Effective Date"),
        new("termMonths", AttributeTypes.Number, "Term (Months)", Default: JsonValue.Create(24)),
        new("mutual", AttributeTypes.Boolean, "Mutual NDA", Default: JsonValue.Create(true)),
    ]);

    public static TemplateDefinition Sow { get; } = new("SOW",
    [
        new("counterpartyName", AttributeTypes.String, "Counterparty Name", Required: true),
        new("contractValue", AttributeTypes.MonetaryAmount, "Contract Value", Required: true),
        new("counterpartySignerName", AttributeTypes.String, "Counterparty Signer Name", Required: true),
        new("counterpartySignerEmail", AttributeTypes.Email, "Counterparty Signer Email", Required: true),
        new("projectName", AttributeTypes.String, "Project Name"),
        new("effectiveDate", AttributeTypes.Date, "Effective Date"),
        new("termMonths", AttributeTypes.Number, "Term (Months)", Default: JsonValue.Create(6)),
        new("autoRenew", AttributeTypes.Boolean, "Auto-Renew", Default: JsonValue.Create(false)),
        new("deliverables", AttributeTypes.Array, "Deliverables", ElementType: AttributeTypes.String),
    ]);

    public static IReadOnlyList<TemplateDefinition> All { get; } = [Msa, Nda, Sow];
}
