using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Demo;

/// <summary>
/// Who and what the story is about, taken from the Kommo simulator's sample account: two reps, two pipelines with a
/// "Send contract" stage each, and four deals — two that will be signed, one that will be cancelled, and one whose
/// contact has no email.
/// </summary>
public sealed record DemoCast(
    SampleAccountIds Account,
    long Maria,
    long John,
    DemoDeal GlobexLicense,
    DemoDeal GlobexSupport,
    DemoDeal UmbrellaPilot,
    DemoDeal InitechRenewal)
{
    /// <summary>Lena Legal, who reviews every contract (Ironclad's sample users: the bridge's own is the first).</summary>
    public const string LegalEmail = "legal@contractbridge.example";

    /// <summary>Finance approves the Globex licence before it goes for signature.</summary>
    public static IroncladUser FinanceApprover { get; } = new("6a1b2c3d4e5f60718293a4b5", "finance@contractbridge.example", "Frank Finance", "Finance");

    public long SalesSendContract => Account.Sales.StatusId("Send contract");

    public long RenewalsSendContract => Account.Renewals.StatusId("Send contract");

    public IReadOnlyList<DemoDeal> Deals => [GlobexLicense, GlobexSupport, UmbrellaPilot, InitechRenewal];

    public static DemoCast From(KommoSimulator kommo)
    {
        var ids = kommo.SampleIds ?? throw new InvalidOperationException("The Kommo simulator was started without its sample account.");
        DemoDeal Deal(int index, string pipeline) => new(ids.LeadIds[index], kommo.Control.GetLead(ids.LeadIds[index])!.Name, pipeline);
        return new DemoCast(
            ids,
            ids.UserIds[0],
            ids.UserIds[1],
            GlobexLicense: Deal(0, ids.Sales.Name),
            GlobexSupport: Deal(1, ids.Sales.Name),
            UmbrellaPilot: Deal(3, ids.Sales.Name),
            InitechRenewal: Deal(4, ids.Renewals.Name));
    }

    /// <summary>"Sales › Send contract", for any stage of the two pipelines.</summary>
    public string StageName(long pipelineId, long statusId)
    {
        var pipeline = pipelineId == Account.Renewals.Id ? Account.Renewals : Account.Sales;
        var status = pipeline.Statuses.FirstOrDefault(s => s.Id == statusId)?.Name ?? $"stage {statusId}";
        return $"{pipeline.Name} › {status}";
    }
}
