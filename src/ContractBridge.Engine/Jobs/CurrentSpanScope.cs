using System.Diagnostics;

namespace ContractBridge.Engine.Jobs;

/// <summary>Makes a span the current one until disposed, then puts back the one that was current before.</summary>
internal sealed class CurrentSpanScope : IDisposable
{
    private readonly Activity? previous;

    private CurrentSpanScope(Activity? previous) => this.previous = previous;

    /// <summary>
    /// Called from a synchronous method, so the change reaches the caller's flow (an async method's would not). A null
    /// <paramref name="span"/> leaves the current one as it is.
    /// </summary>
    public static CurrentSpanScope Enter(Activity? span)
    {
        var scope = new CurrentSpanScope(Activity.Current);
        if (span is not null)
        {
            Activity.Current = span;
        }

        return scope;
    }

    public void Dispose() => Activity.Current = previous;
}
