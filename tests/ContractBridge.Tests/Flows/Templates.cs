using ContractBridge.Ironclad.Api;

namespace ContractBridge.Tests.Flows;

internal static class Templates
{
    public static IroncladWorkflowSchema Msa() => new("tpl-msa", "MSA", new Dictionary<string, IroncladAttributeSchema>
    {
        ["counterpartyName"] = new("string", "Counterparty Name", "always", null),
        ["contractValue"] = new("monetaryAmount", "Contract Value", "never", null),
        ["counterpartySignerName"] = new("string", "Counterparty Signer Name", "always", null),
        ["counterpartySignerEmail"] = new("email", "Counterparty Signer Email", "always", null),
        ["kommoLeadId"] = new("string", "Kommo Lead", "never", null),
        ["effectiveDate"] = new("date", "Effective Date", "never", null),
        ["termMonths"] = new("number", "Term (months)", "never", null),
        ["autoRenew"] = new("boolean", "Auto renew", "never", null),
        ["governingAddress"] = new("address", "Address", "never", null),
    });
}
