using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Documents;

/// <summary>A document of a workflow: the unsigned draft until the packet is fully signed, then the signed copy.</summary>
public static class ContractPdf
{
    /// <summary>Call under the state lock.</summary>
    public static byte[] Render(Workflow workflow, WorkflowDocument document)
    {
        var version = document.Current;
        var signer = workflow.Attributes["counterpartySignerName"]?.ToString() ?? "the counterparty";
        var lines = new List<string>
        {
            $"Ironclad ID: {workflow.IroncladId}",
            $"Template: {workflow.Template.Name}",
            $"Document: {document.Filename}",
            $"Document version {version.Number} ({version.VersionId})",
        };
        lines.Add(version.Signed
            ? $"Status: signed - fully signed by {signer} and {workflow.Creator.DisplayName} on {WireNames.Timestamp(version.At)}"
            : "Status: draft - awaiting signatures");
        return MinimalPdf.Create(workflow.Title, lines);
    }
}
