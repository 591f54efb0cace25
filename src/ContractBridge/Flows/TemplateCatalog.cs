using ContractBridge.Configuration;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows;

/// <summary>
/// Ironclad templates (workflow schemas) by name. Template ids change when a template is re-published, so names are
/// resolved from one cached list (one call serves every launch for the TTL, and <see cref="CacheWarmer"/> renews it before
/// it expires) and resolved again on NOT_FOUND.
/// </summary>
public sealed class TemplateCatalog(IroncladClient ironclad, IOptions<BridgeOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyList<IroncladWorkflowSchema> List, DateTimeOffset FetchedAt)? _cache;

    public async Task<IReadOnlyList<IroncladWorkflowSchema>> ListAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } cached && time.GetUtcNow() - cached.FetchedAt < options.Value.Ironclad.TemplateCacheTtl)
        {
            return cached.List;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } again && time.GetUtcNow() - again.FetchedAt < options.Value.Ironclad.TemplateCacheTtl)
            {
                return again.List;
            }

            var list = await ironclad.ListWorkflowSchemasAsync(cancellationToken);
            _cache = (list, time.GetUtcNow());
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The template with this name: an exact (case-insensitive) match, else the only one whose name contains it.</summary>
    public async Task<TemplateLookup> FindAsync(string name, CancellationToken cancellationToken)
    {
        var list = await ListAsync(cancellationToken);
        var exact = list.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = exact.Count > 0 ? exact : [.. list.Where(t => t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))];
        return candidates.Count switch
        {
            1 => new TemplateLookup(candidates[0], null),
            0 => new TemplateLookup(null, $"no Ironclad template is named '{name}' (templates: {string.Join(", ", list.Select(t => t.Name))})"),
            _ => new TemplateLookup(null, $"several Ironclad templates match '{name}': {string.Join(", ", candidates.Select(t => t.Name))}; name one exactly"),
        };
    }

    /// <summary>Reads the list again if it has been read before, so no launch waits for an expired one; the old list serves meanwhile.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (_cache is not null)
        {
            var list = await ironclad.ListWorkflowSchemasAsync(cancellationToken);
            _cache = (list, time.GetUtcNow());
        }
    }

    /// <summary>Forget the list: a launch was told the template id no longer exists (re-published).</summary>
    public void Invalidate() => _cache = null;

    public void Dispose() => _gate.Dispose();
}

public sealed record TemplateLookup(IroncladWorkflowSchema? Template, string? Problem);
