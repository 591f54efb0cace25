namespace ContractBridge.Upstream;

/// <summary>A limiter that wants to hear of the upstream's 429s, to slow down for the window (see <see cref="RateLimitingHandler"/>).</summary>
public interface ITooManyRequestsListener
{
    Task OnTooManyRequestsAsync(CancellationToken cancellationToken);
}
