using static ContractBridge.Contracts.ContractLinkSql;

namespace ContractBridge.Contracts;

/// <summary>
/// The statements a deal's story and the contract search read with, and the one that keeps each link's state history; both
/// link stores run them (the search with each dialect's byte-order collation). Each stays on an index: a lead's links on
/// contract_links_by_lead, its states on contract_link_states_by_lead, the three search arms each on its own.
/// </summary>
public static class ContractStorySql
{
    public const string StatesTable = "contract_link_states";

    /// <summary>A state change as <see cref="ContractStateChange"/> reads it, in this order.</summary>
    public const string StateColumns = "id, lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, recorded_at";

    /// <summary>Copies the state of the links <paramref name="filter"/> finds into their history, recorded at <c>@now</c>.</summary>
    public static string RecordState(string filter) => $"""
        INSERT INTO {StatesTable} (lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, recorded_at)
        SELECT lead_id, workflow_id, ironclad_number, state, paused, ironclad_updated_at, @now FROM {Table} WHERE {filter};
        """;

    /// <summary>The filter of the link a launch job reserved (still reserved, or launched since).</summary>
    public const string ReservedBy = $"lead_id = @lead AND launch_job_id = @job AND state <> '{nameof(ContractState.Cancelled)}'";

    public const string ByLead = $"SELECT {Columns} FROM {Table} WHERE lead_id = @lead ORDER BY id DESC;";

    public const string StatesByLead = $"""
        SELECT {StateColumns} FROM {StatesTable} WHERE lead_id = @lead AND id < @before ORDER BY id DESC LIMIT @limit;
        """;

    /// <summary>SQLite compares text in byte order already.</summary>
    public const string SqliteByteOrder = "";

    /// <summary>PostgreSQL's byte order, as the IC number's index is made.</summary>
    public const string PostgresByteOrder = " COLLATE \"C\"";

    /// <summary>
    /// Three statements, sent together and read as three results: the lead's links, then IC numbers and deal names from
    /// their prefix on, in index order, each at most <c>@limit</c>. Both ends of a range bound the index scan, so a prefix
    /// nothing matches reads nothing. <paramref name="byteOrder"/> is what makes the IC number compare in byte order
    /// (<see cref="SqliteByteOrder"/>, <see cref="PostgresByteOrder"/>).
    /// </summary>
    public static IReadOnlyList<string> SearchStatements(string byteOrder) =>
    [
        $"SELECT {Columns} FROM {Table} WHERE lead_id = @lead ORDER BY id DESC LIMIT @limit;",
        $"""
        SELECT {Columns} FROM {Table}
        WHERE ironclad_number{byteOrder} >= @number_from AND ironclad_number{byteOrder} < @number_to
        ORDER BY ironclad_number{byteOrder}, id LIMIT @limit;
        """,
        $"""
        SELECT {Columns} FROM {Table}
        WHERE deal_name_key >= @name_from AND deal_name_key < @name_to
        ORDER BY deal_name_key, id LIMIT @limit;
        """,
    ];

    public static string Search(string byteOrder) => string.Join('\n', SearchStatements(byteOrder));

    /// <summary>The links found by the search's three results, in the order found, each once, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<ContractLink> Merge(IEnumerable<IEnumerable<ContractLink>> results, int limit)
    {
        var seen = new HashSet<ContractLink>();
        return [.. results.SelectMany(r => r).Where(seen.Add).Take(limit)];
    }
}
