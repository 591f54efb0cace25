using System.Collections.ObjectModel;
using System.Diagnostics;

namespace ContractBridge.Tests.Observability.Support;

/// <summary>
/// The in-memory exporter's list, safe to read while spans are being added. The provider listens process-wide, so the
/// simulators' and other tests' spans arrive here too: assertions pick theirs by trace id.
/// </summary>
internal sealed class ExportedSpans : Collection<Activity>
{
    private readonly Lock gate = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }
}
