using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ContractBridge.Secrets;

/// <summary>
/// Data Protection's key ring in the shared database, so every instance protects and unprotects with the same keys (a
/// cookie or token protected by one is read by any). Each element is a row of its own, inserted by the instance that
/// made it and never overwritten by another. <see cref="IXmlRepository"/> is synchronous: Data Protection calls it when
/// it loads the ring (at start, then about once a day and when a key is made), so blocking on the store there is rare
/// and short, and there is no synchronization context to deadlock on.
/// </summary>
public sealed class StoreXmlRepository(IKeyRingStore store, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.AllAsync(CancellationToken.None).GetAwaiter().GetResult().Select(e => XElement.Parse(e.Xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
}
