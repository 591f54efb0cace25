using ContractBridge.Contracts;
using ContractBridge.Tests.Contracts.Support;

namespace ContractBridge.Tests.Contracts;

/// <summary>
/// contract_links is the service's schema module. Releases before it made the table as engine versions 1 and 3; a
/// database of any of those versions must keep every link and end with the same tables and columns as a new one.
/// Old databases are made by ageing a new one: the module's steps are those engine versions' SQL word for word, so
/// removing what came later, and the module's bookkeeping, leaves exactly what the old release left.
/// </summary>
public abstract class ContractLinkMigrationTests(ILinkDatabases databases) : LinkStoreTestBase(databases)
{
    /// <summary>
    /// The engine's schema version: the move kept its version 3, now with nothing to do; 4 added instances, 5 traceparents,
    /// 6 job subjects.
    /// </summary>
    private const int LatestVersion = 6;
    private const int LatestModuleVersion = 5;

    /// <summary>
    /// Takes away what came after the releases that had no module: the engine's job subjects (version 6) and the module's
    /// own versions 3 (search keys and indexes), 4 (state history) and 5 (the state index).
    /// </summary>
    private const string WithoutLaterSteps = """
        DROP INDEX jobs_by_subject; ALTER TABLE jobs DROP COLUMN subject; DELETE FROM schema_version WHERE version = 6;
        DROP INDEX contract_links_by_state;
        DROP TABLE contract_link_states;
        DROP INDEX contract_links_by_deal_name; DROP INDEX contract_links_by_number; DROP INDEX contract_links_by_lead;
        ALTER TABLE contract_links DROP COLUMN deal_name_key;
        """;

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Migrate_EmptyDatabase_GetsContractLinksFromTheModule()
    {
        Assert.Equal(LatestVersion, await Store.SchemaVersionAsync(None));
        Assert.Equal(LatestModuleVersion, await ModuleVersionAsync());
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM schema_modules WHERE description LIKE '%adopted%';"));

        await LaunchAsync(Links, 42, 7, "wf-1", "IC-1", "Acme");

        Assert.Equal("Acme", (await Links.FindByWorkflowAsync("wf-1", None))!.DealName);
    }

    [Fact]
    public async Task Migrate_AVersion2DatabaseWithContracts_KeepsThem_AndKeepsDealNamesFromThenOn()
    {
        await LaunchAsync(Links, 42, 7, "wf-1", "IC-1", "Acme");
        // Back to what version 2 left: no deal names, no record of versions 3 to 6 (nor 4's table and 5's and 6's columns), and
        // no module bookkeeping.
        await Database.ExecuteAsync(WithoutLaterSteps);
        await Database.ExecuteAsync("ALTER TABLE contract_links DROP COLUMN deal_name; DROP TABLE engine_instances; ALTER TABLE jobs DROP COLUMN trace_parent; DELETE FROM schema_version WHERE version >= 3; DROP TABLE schema_modules;");

        var (upgraded, links) = Database.Open();
        await upgraded.MigrateAsync(None);
        await LaunchAsync(links, 43, 8, "wf-2", "IC-2", "Initech");

        Assert.Equal(LatestVersion, await upgraded.SchemaVersionAsync(None));
        var old = (await links.FindByWorkflowAsync("wf-1", None))!;
        Assert.Equal((42L, "IC-1", ContractState.Created, (string?)null), (old.LeadId, old.IroncladNumber, old.State, old.DealName));
        Assert.Equal("Initech", (await links.FindByWorkflowAsync("wf-2", None))!.DealName);
        Assert.Equal(LatestModuleVersion, await ModuleVersionAsync());
    }

    [Fact]
    public async Task Migrate_AVersion1DatabaseWithContracts_KeepsThem_AndGetsEveryLaterStep()
    {
        await LaunchAsync(Links, 42, 7, "wf-1", "IC-1", "Acme");
        // Back to what version 1 left: no deal names, none of version 2's indexes, no record of either.
        await Database.ExecuteAsync(WithoutLaterSteps);
        await Database.ExecuteAsync("""
            ALTER TABLE contract_links DROP COLUMN deal_name;
            DROP INDEX jobs_by_event; DROP INDEX received_events_by_time; DROP INDEX jobs_succeeded_by_time;
            DROP TABLE engine_instances;
            ALTER TABLE jobs DROP COLUMN trace_parent;
            DELETE FROM schema_version WHERE version > 1;
            DROP TABLE schema_modules;
            """);

        var (upgraded, links) = Database.Open();
        await upgraded.MigrateAsync(None);
        await LaunchAsync(links, 43, 8, "wf-2", "IC-2", "Initech");

        Assert.Equal(LatestVersion, await upgraded.SchemaVersionAsync(None));
        Assert.Equal(LatestModuleVersion, await ModuleVersionAsync());
        var old = (await links.FindByWorkflowAsync("wf-1", None))!;
        Assert.Equal((42L, "IC-1", ContractState.Created, (string?)null), (old.LeadId, old.IroncladNumber, old.State, old.DealName));
        Assert.Equal("Initech", (await links.FindByWorkflowAsync("wf-2", None))!.DealName);
        Assert.Equal(3, await Database.ScalarAsync(Database.Provider == "sqlite"
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('jobs_by_event', 'received_events_by_time', 'jobs_succeeded_by_time');"
            : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN ('jobs_by_event', 'received_events_by_time', 'jobs_succeeded_by_time');"));
    }

    [Fact]
    public async Task Migrate_AVersion3Database_AdoptsItsContractLinksAsTheyAre()
    {
        await LaunchAsync(Links, 42, 7, "wf-1", "IC-1", "Acme");
        // What version 3 left: the same tables and columns, without the module's bookkeeping (nor version 4's instances).
        await Database.ExecuteAsync("DROP TABLE schema_modules; DROP TABLE engine_instances; DELETE FROM schema_version WHERE version = 4;");

        var (upgraded, links) = Database.Open();
        await upgraded.MigrateAsync(None);

        Assert.Equal(LatestVersion, await upgraded.SchemaVersionAsync(None));
        Assert.Equal(LatestModuleVersion, await ModuleVersionAsync());
        Assert.Equal(LatestModuleVersion, await Database.ScalarAsync($"SELECT COUNT(*) FROM schema_modules WHERE module = '{ContractLinkSchema.Name}' AND description LIKE '%(adopted: already in place)';"));
        Assert.Equal("Acme", (await links.FindByWorkflowAsync("wf-1", None))!.DealName);
    }

    [Fact]
    public async Task Migrate_AModuleVersion2Database_MakesItsLinksSearchable_AndStartsTheirHistoryAtTheirState()
    {
        await LaunchAsync(Links, 42, 7, "wf-1", "IC-1", "Acme Corp");
        // What the module's version 2 left: no search key or indexes, no state history, no record of versions 3 to 5.
        await Database.ExecuteAsync($"""
            DROP INDEX contract_links_by_state;
            DROP TABLE contract_link_states;
            DROP INDEX contract_links_by_deal_name; DROP INDEX contract_links_by_number; DROP INDEX contract_links_by_lead;
            ALTER TABLE contract_links DROP COLUMN deal_name_key;
            DELETE FROM schema_modules WHERE module = '{ContractLinkSchema.Name}' AND version > 2;
            """);

        var (upgraded, links) = Database.Open();
        await upgraded.MigrateAsync(None);

        Assert.Equal(LatestModuleVersion, await ModuleVersionAsync());
        Assert.Equal(42, Assert.Single(await links.SearchAsync("acme c", 10, None)).LeadId);
        var state = Assert.Single(await links.ListStateChangesAsync(42, long.MaxValue, 10, None));
        Assert.Equal((ContractState.Created, "wf-1", T0), (state.State, state.WorkflowId, state.RecordedAt));
    }

    private static async Task LaunchAsync(IContractLinkStore links, long leadId, long jobId, string workflowId, string number, string dealName)
    {
        await links.ReserveAsync(leadId, "MSA", "default", jobId, T0, None);
        await links.CompleteLaunchAsync(new LaunchRecord(leadId, jobId, workflowId, number, dealName, T0), [], T0, None);
    }

    private Task<long> ModuleVersionAsync() =>
        Database.ScalarAsync($"SELECT COALESCE(MAX(version), 0) FROM schema_modules WHERE module = '{ContractLinkSchema.Name}';");
}
