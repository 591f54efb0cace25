using System.Data.Common;
using ContractBridge.Contracts;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

/// <summary>
/// What a deal's story and the contract search read from the link store: every state a link took, a lead's links, the
/// search by lead, IC number and deal-name prefix — the right rows, and from their indexes (the plans say so).
/// </summary>
public abstract class ContractStoryStoreTests(ILinkDatabases databases) : LinkStoreTestBase(databases)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private bool Sqlite => Database.Provider == "sqlite";

    [Fact]
    public async Task States_AreRecordedAsTheyChange_NotWhenNothingChanged_NewestFirstAndPaged()
    {
        await LaunchAsync(42, 7, "wf-1", "IC-1", "Acme");
        await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(1), [], T0.AddMinutes(1), None);
        await Links.ApplyStateAsync("wf-1", ContractState.Review, false, T0.AddMinutes(2), [], T0.AddMinutes(2), None);
        await Links.ApplyStateAsync("wf-1", ContractState.Draft, false, T0, [], T0.AddMinutes(3), None);
        await Links.ApplyStateAsync("wf-1", ContractState.Review, true, T0.AddMinutes(4), [], T0.AddMinutes(4), None);
        await Links.ApplyStateAsync("wf-1", ContractState.Executed, false, T0.AddMinutes(5), [], T0.AddMinutes(5), None);
        await LaunchAsync(43, 8, "wf-2", "IC-2", "Initech");

        var first = await Links.ListStateChangesAsync(42, long.MaxValue, 3, None);
        var rest = await Links.ListStateChangesAsync(42, first[^1].Id, 3, None);

        Assert.Equal(
            [(ContractState.Executed, false, T0.AddMinutes(5)), (ContractState.Review, true, T0.AddMinutes(4)), (ContractState.Review, false, T0.AddMinutes(1))],
            first.Select(s => (s.State, s.Paused, s.RecordedAt)));
        Assert.Equal([ContractState.Created, ContractState.Launching], rest.Select(s => s.State));
        Assert.Equal(("wf-1", "IC-1", T0.AddMinutes(5)), (first[0].WorkflowId, first[0].IroncladNumber, first[0].IroncladUpdatedAt));
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (rest[^1].WorkflowId, rest[^1].IroncladUpdatedAt));
    }

    [Fact]
    public async Task ALeadsLinks_AreAllListed_CancelledToo_AndWorkflowsFindTheirLinks()
    {
        await LaunchAsync(42, 7, "wf-1", "IC-1", "Acme");
        await Links.ApplyStateAsync("wf-1", ContractState.Cancelled, false, T0.AddMinutes(1), [], T0.AddMinutes(1), None);
        await LaunchAsync(42, 8, "wf-2", "IC-2", "Acme");
        await Links.AdoptAsync(new ContractLink(44, "wf-3", "IC-3", "MSA", "default", ContractState.Review, false, T0, T0, T0, null, "Umbrella"), None);

        var links = await Links.ListByLeadAsync(42, None);
        var byWorkflow = await Links.FindByWorkflowsAsync(["wf-1", "wf-3", "wf-none"], None);

        Assert.Equal(["wf-2", "wf-1"], links.Select(l => l.WorkflowId));
        Assert.Equal([("wf-1", 42L), ("wf-3", 44L)], byWorkflow.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.LeadId)));
        Assert.Equal(ContractState.Review, Assert.Single(await Links.ListStateChangesAsync(44, long.MaxValue, 10, None)).State);
    }

    [Theory]
    [InlineData("acme", new long[] { 42, 43 })]
    [InlineData("ACME CO", new long[] { 43 })]
    [InlineData("ünited", new long[] { 45 })]
    [InlineData("ic-1", new long[] { 42, 45 })]
    [InlineData("IC-10", new long[] { 45 })]
    [InlineData("1", new long[] { 42, 45 })]
    [InlineData("44", new long[] { 44 })]
    [InlineData("corp", new long[0])]
    [InlineData("  ", new long[0])]
    public async Task Search_FindsByLeadThenIcNumberThenDealNamePrefix_AnyCase(string query, long[] leads)
    {
        await LaunchAsync(42, 7, "wf-1", "IC-1", "Acme");
        await LaunchAsync(43, 8, "wf-2", "IC-2", "Acme Co Corp");
        await LaunchAsync(44, 9, "wf-3", "IC-3", null);
        await LaunchAsync(45, 10, "wf-4", "IC-10", "Ünited Corp");

        var found = await Links.SearchAsync(query, 10, None);

        Assert.Equal(leads.Order(), found.Select(l => l.LeadId).Order());
    }

    [Fact]
    public async Task Search_ListsEachLinkOnce_AtMostTheLimit()
    {
        await LaunchAsync(7, 7, "wf-1", "IC-7", "7 Eleven");
        await LaunchAsync(8, 8, "wf-2", "IC-71", "Seven");
        await LaunchAsync(9, 9, "wf-3", "IC-72", "Seventy");

        var all = await Links.SearchAsync("7", 10, None);
        var two = await Links.SearchAsync("7", 2, None);

        Assert.Equal([7L, 8, 9], all.Select(l => l.LeadId));
        Assert.Equal([7L, 8], two.Select(l => l.LeadId));
    }

    [Fact]
    public async Task SearchPages_ResumeWhereTheLastStopped_EachLinkOnce_InTheUnpagedOrder()
    {
        await LaunchAsync(7, 7, "wf-1", "IC-7", "7 Eleven");
        await LaunchAsync(8, 8, "wf-2", "IC-71", "Seven");
        await LaunchAsync(9, 9, "wf-3", "IC-72", "7 Seas");
        await LaunchAsync(10, 10, "wf-4", "IC-9", "7 Up");
        await LaunchAsync(11, 11, "wf-5", "IC-10", "7 Up");

        var unpaged = await Links.SearchAsync("7", 10, None);
        var pages = new List<ContractSearchPage>();
        ContractSearchCursor? after = null;
        do
        {
            var page = await Links.SearchPageAsync("7", after, 2, None);
            pages.Add(page);
            after = page.Next is { } next ? ContractSearchCursor.Parse(next.ToString()) : null;
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal([7L, 8, 9, 10, 11], unpaged.Select(l => l.LeadId));
        Assert.Equal(unpaged.Select(l => l.LeadId), pages.SelectMany(p => p.Links).Select(l => l.LeadId));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Links.Count));
        Assert.Null(pages[^1].Next);
    }

    [Fact]
    public async Task ListPages_GoToOlderLinks_AndSayWhenNoneAreLeft()
    {
        foreach (var lead in new long[] { 1, 2, 3, 4, 5 })
        {
            await LaunchAsync(lead, lead, $"wf-{lead}", $"IC-{lead}", $"Deal {lead}");
        }

        var first = await Links.ListPageAsync(long.MaxValue, 2, None);
        var second = await Links.ListPageAsync(first.OlderThan!.Value, 2, None);
        var last = await Links.ListPageAsync(second.OlderThan!.Value, 2, None);
        var exact = await Links.ListPageAsync(long.MaxValue, 5, None);

        Assert.Equal([5L, 4, 3, 2, 1], new[] { first, second, last }.SelectMany(p => p.Links).Select(l => l.LeadId));
        Assert.Null(last.OlderThan);
        Assert.Null(exact.OlderThan);
        Assert.Equal((await Links.ListAsync(2, None)).Select(l => l.LeadId), first.Links.Select(l => l.LeadId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3:1:x")]
    [InlineData("0:1:x")]
    [InlineData("1:1:")]
    [InlineData("1:-1:IC-1")]
    [InlineData("one:1:IC-1")]
    public void SearchCursor_RefusesTextNoPageWrote(string text) => Assert.Null(ContractSearchCursor.Parse(text));

    [Fact]
    public async Task Reads_RunOnTheirIndexes()
    {
        var byteOrder = Sqlite ? ContractStorySql.SqliteByteOrder : ContractStorySql.PostgresByteOrder;
        var search = new Dictionary<string, object?>
        {
            ["@lead"] = 42L, ["@lead_before"] = long.MaxValue, ["@lead_limit"] = 51,
            ["@number_from"] = "IC-1", ["@number_to"] = "IC-2", ["@number_after"] = "IC-15", ["@number_after_id"] = 7L, ["@number_limit"] = 51,
            ["@name_from"] = "acme", ["@name_to"] = "acmf", ["@name_after"] = "acme co", ["@name_after_id"] = 7L, ["@name_limit"] = 51,
        };
        var page = new Dictionary<string, object?> { ["@lead"] = 42L, ["@before"] = long.MaxValue, ["@limit"] = 50 };
        var statements = ContractStorySql.SearchStatements(byteOrder);

        var byLead = await PlanAsync(statements[0], search);
        var byNumber = await PlanAsync(statements[1], search);
        var byName = await PlanAsync(statements[2], search);
        var links = await PlanAsync(ContractStorySql.ByLead, page);
        var states = await PlanAsync(ContractStorySql.StatesByLead, page);
        var newest = await PlanAsync(ContractStorySql.ListBefore, new Dictionary<string, object?> { ["@before"] = 1000L, ["@limit"] = 51 });

        Assert.Contains("contract_links_by_lead", byLead);
        Assert.Contains("contract_links_by_number", byNumber);
        Assert.Contains("contract_links_by_deal_name", byName);
        Assert.Contains("contract_links_by_lead", links);
        Assert.Contains("contract_link_states_by_lead", states);
        var all = byLead + byNumber + byName + links + states + newest;
        Assert.DoesNotContain(Sqlite ? "SCAN " : "Seq Scan", all);
        // An ordered index read in its order: no sort of what a prefix matches, however many that is.
        Assert.DoesNotContain(Sqlite ? "TEMP B-TREE" : "Sort", byNumber + byName);
    }

    [Fact]
    public async Task CountByState_ReadsTheStateIndexAlone()
    {
        // ContractLinkSql.CountByState, which the overview runs on every view.
        var plan = await PlanAsync("SELECT state, COUNT(*) FROM contract_links GROUP BY state;", new Dictionary<string, object?>());

        // SQLite plans by the schema: the count reads the index, never the rows, and needs no sort. PostgreSQL plans by
        // statistics and reads a test's few rows whole whatever the indexes, so its plan says nothing here.
        if (Sqlite)
        {
            Assert.Contains("COVERING INDEX contract_links_by_state", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    private async Task LaunchAsync(long leadId, long jobId, string workflowId, string number, string? dealName)
    {
        await Links.ReserveAsync(leadId, "MSA", "default", jobId, T0, None);
        await Links.CompleteLaunchAsync(new LaunchRecord(leadId, jobId, workflowId, number, dealName, T0), [], T0, None);
    }

    private async Task<string> PlanAsync(string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        await using DbConnection connection = Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database.Location};Pooling=False")
            : new Npgsql.NpgsqlConnection(Database.Location);
        await connection.OpenAsync();
        return await QueryPlans.ExplainAsync(connection, Sqlite, sql, parameters);
    }
}
