using ContractBridge.Flows.Mapping;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Launch;

/// <summary>Reads the deals a batch launches, in as few Kommo calls as their numbers allow.</summary>
public sealed class DealReader(KommoClient kommo, KommoDirectory directory, TemplateCatalog templates)
{
    /// <summary>
    /// Reads every deal of the batch: leads, then their main contacts and companies side by side, a handful of calls for
    /// up to 250 deals. The account, the stage names and the templates (cached after the first batch) are fetched
    /// meanwhile, so the first launch of a burst does not wait for them one after the other. Leads Kommo no longer has
    /// are missing from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, DealSnapshot>> ReadAsync(IReadOnlyCollection<long> leadIds, CancellationToken cancellationToken)
    {
        var accountTask = directory.GetAccountAsync(cancellationToken);
        var warmUp = Task.WhenAll(directory.GetPipelinesAsync(cancellationToken), templates.ListAsync(cancellationToken));
        var leads = await kommo.GetLeadsAsync(leadIds, cancellationToken);
        var contactIds = leads.Select(l => l.MainContactId).OfType<long>().ToList();
        var companyIds = leads.Select(l => l.CompanyId).OfType<long>().ToList();
        var contactsTask = contactIds.Count == 0 ? Task.FromResult<IReadOnlyList<KommoContact>>([]) : kommo.GetContactsAsync(contactIds, cancellationToken);
        var companiesTask = companyIds.Count == 0 ? Task.FromResult<IReadOnlyList<KommoCompany>>([]) : kommo.GetCompaniesAsync(companyIds, cancellationToken);
        var contacts = (await contactsTask).ToDictionary(c => c.Id);
        var companies = (await companiesTask).ToDictionary(c => c.Id);
        var account = await accountTask;
        await ObserveAsync(warmUp);
        return leads.ToDictionary(
            l => l.Id,
            l => new DealSnapshot(
                l,
                l.MainContactId is { } c ? contacts.GetValueOrDefault(c) : null,
                l.CompanyId is { } co ? companies.GetValueOrDefault(co) : null,
                account));
    }

    /// <summary>The warm-up's failures are the launches' to report (they ask again); here they are only observed.</summary>
    private static async Task ObserveAsync(Task warmUp)
    {
        try
        {
            await warmUp;
        }
        catch (Exception ex) when (ex is UpstreamException or OperationCanceledException)
        {
        }
    }
}
