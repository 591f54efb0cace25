using System.Globalization;

namespace ContractBridge.Contracts;

/// <summary>The record store's SQL both dialects share, and how a day is written (ISO text).</summary>
internal static class ContractRecordSql
{
    public const string Columns = "record_id, lead_id, workflow_id, contract_name, rule_name, expiration_date, contract_status, enhanced_status, status_message, record_updated_at, task_id, task_expiration, updated_at";

    public const string Select = $"SELECT {Columns} FROM contract_records";

    /// <summary>An insert of a new record or an update of every observed field; the task columns are left as they are.</summary>
    public const string Upsert = $"""
        INSERT INTO contract_records ({Columns})
        VALUES (@record, @lead, @workflow, @contract, @rule, @expiration, @status, @enhanced, @message, @recordUpdated, NULL, NULL, @now)
        ON CONFLICT (record_id) DO UPDATE SET
            lead_id = excluded.lead_id, workflow_id = excluded.workflow_id, contract_name = excluded.contract_name,
            rule_name = excluded.rule_name, expiration_date = excluded.expiration_date, contract_status = excluded.contract_status,
            enhanced_status = excluded.enhanced_status, status_message = excluded.status_message,
            record_updated_at = excluded.record_updated_at, updated_at = excluded.updated_at;
        """;

    public const string RecordTask = "UPDATE contract_records SET task_id = @task, task_expiration = @expiration, updated_at = @now WHERE record_id = @record;";

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The stored row after an observation: what was read, with the task the row already had.</summary>
    public static ContractRecord Merge(ContractRecord? before, ContractRecord observed, DateTimeOffset now) =>
        observed with { TaskId = before?.TaskId, TaskExpiration = before?.TaskExpiration, UpdatedAt = now };

    /// <summary>True when <paramref name="observed"/> should be stored: first seen, or newer than what is stored.</summary>
    public static bool IsNews(ContractRecord? before, ContractRecord observed) =>
        before is null || observed.RecordUpdatedAt > before.RecordUpdatedAt;
}
