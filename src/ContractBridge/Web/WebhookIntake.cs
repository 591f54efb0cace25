using System.Text;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Storage;
using ContractBridge.Flows.Triggers;
using ContractBridge.Observability;

namespace ContractBridge.Web;

/// <summary>
/// How both webhook endpoints end: a parsed event is stored with the jobs it triggers and answered once that is
/// committed, or refused; either way the answer is counted once under its outcome (stored, duplicate, unauthorized,
/// malformed, too_large, unavailable). When the database cannot be reached the sender is told to deliver again later
/// (503 with Retry-After), and the outage is logged once, by <see cref="DatabaseOutage"/>, rather than per request. While
/// an outage lasts, a delivery first pings the database, so that it is refused without an attempt to store it (and the
/// intake's log entry for a failed batch) until the database answers.
/// </summary>
public sealed class WebhookIntake(EventIntake intake, IBridgeStore store, DatabaseOutage outage, BridgeMetrics metrics)
{
    /// <param name="source">"kommo" or "ironclad".</param>
    /// <param name="dedupeKey">The event's identity, from its parser: a second delivery with it stores nothing.</param>
    /// <param name="body">The body as received, kept as text for audit and replay (the parsers have checked it is UTF-8).</param>
    public async Task<IResult> StoreAsync(string source, string dedupeKey, string contentType, byte[] body, TriggeredWork work, CancellationToken cancellationToken)
    {
        var inbound = new InboundEvent(source, dedupeKey, work.Summary, contentType, Encoding.UTF8.GetString(body), work.Jobs);
        if (outage.IsOngoing && !await AnswersAsync(cancellationToken))
        {
            outage.Refused("it does not answer a ping");
            return Refuse(source, "unavailable", WebhookAnswers.DatabaseUnreachable(DatabaseOutage.RetryAfter));
        }

        IngestOutcome ingested;
        try
        {
            ingested = await intake.IngestAsync(inbound, cancellationToken);
        }
        catch (Exception ex) when (DatabaseConnectivity.IsUnreachable(ex))
        {
            outage.Refused($"{ex.GetType().Name}: {ex.Message}");
            return Refuse(source, "unavailable", WebhookAnswers.DatabaseUnreachable(DatabaseOutage.RetryAfter));
        }

        outage.Stored();
        var stored = ingested == IngestOutcome.Stored;
        var outcome = stored ? "stored" : "duplicate";
        metrics.EventReceived(source, outcome);
        return WebhookAnswers.Stored(outcome, stored ? work.Jobs.Count : 0);
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.PingAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseConnectivity.IsUnreachable(ex))
        {
            return false;
        }
    }

    /// <summary>Counts a refusal under its outcome and passes its answer on.</summary>
    public IResult Refuse(string source, string outcome, IResult answer)
    {
        metrics.EventReceived(source, outcome);
        return answer;
    }
}
