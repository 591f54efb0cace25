using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ContractBridge.Secrets;

/// <summary>
/// The key ring's repository, made on first use rather than when Data Protection's options are built: `UseAntiforgery`
/// builds them while the app is assembled, before the host validates the configuration, and the store behind the
/// repository needs a valid one (a broken configuration must end as the host's list of problems, not as an exception
/// from assembling the app).
/// </summary>
public sealed class DeferredXmlRepository(Func<IXmlRepository> create) : IXmlRepository
{
    private readonly Lazy<IXmlRepository> repository = new(create);

    public IReadOnlyCollection<XElement> GetAllElements() => repository.Value.GetAllElements();

    public void StoreElement(XElement element, string friendlyName) => repository.Value.StoreElement(element, friendlyName);
}
