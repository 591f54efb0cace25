namespace ContractBridge.Contracts;

/// <summary>
/// The contract_links vocabulary both link stores share, and the statements that read the same in both dialects. What
/// differs for real stays in each store: reserving (one writer vs. a unique-index race), the latest-time rule, types.
/// </summary>
internal static class ContractLinkSql
{
    public const string Table = "contract_links";

    /// <summary>A link as <see cref="ContractLink"/> reads it, in this order.</summary>
    public const string Columns =
        "lead_id, workflow_id, ironclad_number, template_name, rule_name, state, paused, ironclad_updated_at, created_at, updated_at, launch_job_id, deal_name";

    public const string Launching = nameof(ContractState.Launching);

    /// <summary>Filters, each with one parameter <c>@value</c>.</summary>
    public const string ActiveByLead = $"lead_id = @value AND state <> '{nameof(ContractState.Cancelled)}'";

    public const string ByWorkflow = "workflow_id = @value";

    public const string Adopt = $"""
        INSERT INTO {Table} ({Columns}, deal_name_key)
        VALUES (@lead, @workflow, @number, @template, @rule, @state, @paused, @updated, @created, @now, @job, @deal, @deal_key)
        RETURNING {Columns};
        """;

    public const string ApplyState = $"""
        UPDATE {Table} SET state = @state, paused = @paused, ironclad_updated_at = @updated, updated_at = @now
        WHERE workflow_id = @workflow;
        """;

    public const string ReleaseReservation = $"DELETE FROM {Table} WHERE lead_id = @lead AND launch_job_id = @job AND state = '{Launching}';";

    public const string ListNewest = $"SELECT {Columns} FROM {Table} ORDER BY id DESC LIMIT @limit;";

    public const string ListOpen = $"""
        SELECT {Columns} FROM {Table}
        WHERE workflow_id IS NOT NULL AND state NOT IN ('{Launching}', '{nameof(ContractState.Executed)}', '{nameof(ContractState.Cancelled)}')
        ORDER BY id;
        """;

    /// <summary>The newest link per lead, from rows ordered oldest first.</summary>
    public static IReadOnlyDictionary<long, ContractLink> LatestPerLead(IEnumerable<ContractLink> oldestFirst)
    {
        var latest = new Dictionary<long, ContractLink>();
        foreach (var link in oldestFirst)
        {
            latest[link.LeadId] = link;
        }

        return latest;
    }

    public const string CountByState = $"SELECT state, COUNT(*) FROM {Table} GROUP BY state;";

    public static string Find(string filter) => $"SELECT {Columns} FROM {Table} WHERE {filter};";
}
