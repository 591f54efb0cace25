using ContractBridge.Kommo;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// The leads' custom field definitions and the account's time zone, read from Kommo and kept for ten minutes, so a
/// burst of writebacks costs two reads, not two per deal. A write Kommo refused, or a setting naming a field not
/// there, reads them again (a field added, changed or deleted since).
/// </summary>
public sealed partial class WritebackFieldCatalog(KommoClient kommo, TimeProvider time, ILogger<WritebackFieldCatalog> logger) : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (WritebackFields Fields, DateTimeOffset At)? _cached;

    public async Task<WritebackFields> GetAsync(bool fresh, CancellationToken cancellationToken)
    {
        var seen = _cached;
        if (!fresh && seen is { } cached && time.GetUtcNow() - cached.At < Ttl)
        {
            return cached.Fields;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have read them while this one waited: that read is as fresh as this one's would be.
            if (_cached is { } now && (now.At != seen?.At || (!fresh && time.GetUtcNow() - now.At < Ttl)))
            {
                return now.Fields;
            }

            var fields = await kommo.GetLeadCustomFieldsAsync(cancellationToken);
            var zone = ZoneOf(await kommo.GetAccountTimeZoneAsync(cancellationToken));
            _cached = (new WritebackFields(fields, zone), time.GetUtcNow());
            return _cached.Value.Fields;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private TimeZoneInfo ZoneOf(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            Log.UnknownZone(logger, id);
            return TimeZoneInfo.Utc;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9503, Level = LogLevel.Warning, Message = "Kommo's account time zone '{TimeZone}' is unknown on this host: date fields are written as midnight UTC")]
        public static partial void UnknownZone(ILogger logger, string timeZone);
    }
}
