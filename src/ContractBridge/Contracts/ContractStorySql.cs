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
    /// The newest links below <c>@before</c> (an id; <see cref="long.MaxValue"/> for the first page), with their ids for the
    /// next page, on the primary key.
    /// </summary>
    public const string ListBefore = $"SELECT {Columns}, id, NULL FROM {Table} WHERE id < @before ORDER BY id DESC LIMIT @limit;";

    /// <summary>
    /// Three statements, sent together and read as three results: the lead's links newest first, then IC numbers and deal
    /// names from their prefix on, in index order, each with its id and key and at most its own limit (0 skips an arm a
    /// page has passed). Each arm resumes after its <c>_after</c> key and id (a row value, so the index seeks to it), and
    /// leaves out the links an earlier arm finds, so a link is found once however the pages fall. Both ends of a range bound
    /// the index scan, so a prefix nothing matches reads nothing. <paramref name="byteOrder"/> is what makes the IC number
    /// compare in byte order (<see cref="SqliteByteOrder"/>, <see cref="PostgresByteOrder"/>).
    /// </summary>
    public static IReadOnlyList<string> SearchStatements(string byteOrder)
    {
        var number = $"ironclad_number{byteOrder}";
        var inNumberRange = $"{number} >= @number_from AND {number} < @number_to";
        const string notTheLead = "(@lead IS NULL OR lead_id <> @lead)";
        return
        [
            $"SELECT {Columns}, id, NULL FROM {Table} WHERE lead_id = @lead AND id < @lead_before ORDER BY id DESC LIMIT @lead_limit;",
            $"""
            SELECT {Columns}, id, ironclad_number FROM {Table}
            WHERE {inNumberRange} AND ({number}, id) > (@number_after, @number_after_id) AND {notTheLead}
            ORDER BY {number}, id LIMIT @number_limit;
            """,
            $"""
            SELECT {Columns}, id, deal_name_key FROM {Table}
            WHERE deal_name_key >= @name_from AND deal_name_key < @name_to AND (deal_name_key, id) > (@name_after, @name_after_id)
                AND {notTheLead} AND (ironclad_number IS NULL OR NOT ({inNumberRange}))
            ORDER BY deal_name_key, id LIMIT @name_limit;
            """,
        ];
    }

    public static string Search(string byteOrder) => string.Join('\n', SearchStatements(byteOrder));

    /// <summary>What each arm of a search page reads, after <paramref name="after"/> (null: from the start).</summary>
    public static SearchBounds Bounds(ContractLinkSearch search, ContractSearchCursor? after, int limit)
    {
        var arm = after?.Arm ?? ContractSearchCursor.LeadArm;
        int Limit(int of) => of < arm ? 0 : limit + 1;
        return new SearchBounds(
            after is { Arm: ContractSearchCursor.LeadArm } ? after.Id : long.MaxValue,
            Limit(ContractSearchCursor.LeadArm),
            after is { Arm: ContractSearchCursor.NumberArm } ? (after.Key, after.Id) : (search.NumberFrom, long.MinValue),
            Limit(ContractSearchCursor.NumberArm),
            after is { Arm: ContractSearchCursor.NameArm } ? (after.Key, after.Id) : (search.NameFrom, long.MinValue),
            Limit(ContractSearchCursor.NameArm));
    }

    /// <summary>
    /// The page the search's three results make, in arm order, at most <paramref name="limit"/>; each arm read one more than
    /// that, so finding more than <paramref name="limit"/> in all means there is a next page, which starts after the last shown.
    /// </summary>
    public static ContractSearchPage Merge(IReadOnlyList<IReadOnlyList<SearchedLink>> results, int limit)
    {
        var found = results.SelectMany((rows, arm) => rows.Select(row => (Arm: arm, Row: row))).ToList();
        var shown = found.Take(limit).ToList();
        var next = found.Count > limit ? shown[^1] : ((int Arm, SearchedLink Row)?)null;
        return new ContractSearchPage(
            [.. shown.Select(f => f.Row.Link)],
            next is { } last ? new ContractSearchCursor(last.Arm, last.Row.Id, last.Row.Key ?? string.Empty) : null);
    }

    /// <summary>The page of newest links, read one more than <paramref name="limit"/> to tell whether an older page exists.</summary>
    public static ContractListPage Page(IReadOnlyList<SearchedLink> rows, int limit) =>
        new([.. rows.Take(limit).Select(r => r.Link)], rows.Count > limit ? rows[limit - 1].Id : null);
}
