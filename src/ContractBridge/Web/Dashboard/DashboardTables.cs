using System.Globalization;
using System.Text;
using ContractBridge.Contracts;
using ContractBridge.Flows;

namespace ContractBridge.Web.Dashboard;

/// <summary>The contracts table, shared by the overview and /contracts; the other tables are Razor components (<c>Components/</c>).</summary>
public sealed class DashboardTables(DashboardHtml html, ContractLinks links)
{
    public string Contracts(IReadOnlyList<ContractLink> contracts)
    {
        if (contracts.Count == 0)
        {
            return "<p class=\"muted\">No contracts yet: they appear when a deal enters a rule's stage.</p>";
        }

        var table = new StringBuilder("<table data-testid=\"contracts\"><thead><tr><th>Deal</th><th>Template</th><th>Rule</th><th>Ironclad</th><th>State</th><th>Created</th><th>Updated</th></tr></thead><tbody>");
        foreach (var link in contracts)
        {
            var lead = link.LeadId.ToString(CultureInfo.InvariantCulture);
            var workflow = link.WorkflowId is { } id
                ? html.ExternalLink(links.Workflow(id), link.IroncladNumber ?? id)
                : "<span class=\"muted\">launching</span>";
            table.Append("<tr data-lead=\"").Append(html.T(lead)).Append("\"><td>")
                .Append(html.ExternalLink(links.Deal(link.LeadId), string.IsNullOrWhiteSpace(link.DealName) ? $"Deal {lead}" : link.DealName))
                .Append(" <span class=\"muted\">#").Append(html.T(lead)).Append("</span>")
                .Append("</td><td>").Append(html.T(link.TemplateName))
                .Append("</td><td>").Append(html.T(link.RuleName))
                .Append("</td><td>").Append(workflow)
                .Append("</td><td>").Append(html.T(DealNotes.StateWords(link.State))).Append(link.Paused ? " <span class=\"muted\">(paused)</span>" : string.Empty)
                .Append("</td><td>").Append(DashboardHtml.Time(link.CreatedAt))
                .Append("</td><td>").Append(DashboardHtml.Time(link.UpdatedAt))
                .Append("</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }
}
