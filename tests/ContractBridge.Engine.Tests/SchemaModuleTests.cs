using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>A service's own tables, as a schema module: made and upgraded with the engine's, versioned apart, adopted when older.</summary>
public abstract class SchemaModuleTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private const string Module = "widgets";
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly SchemaStep SqliteTable = new(1, "widgets", "CREATE TABLE widgets (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
    private static readonly SchemaStep PostgresTable = new(1, "widgets", "CREATE TABLE widgets (id bigint PRIMARY KEY, name text NOT NULL);");
    private static readonly SchemaStep Colour = new(2, "widgets have a colour", "ALTER TABLE widgets ADD COLUMN colour TEXT;");

    protected override bool MigrateFirst => false;

    [Fact]
    public async Task Migrate_WithAModule_MakesItsTables_AndRecordsItsVersionsApartFromTheEngines()
    {
        var store = Database.Open(Widgets(2));

        await store.MigrateAsync(None);

        await Database.ExecuteAsync("INSERT INTO widgets (id, name, colour) VALUES (1, 'sprocket', 'red');");
        Assert.Equal(2, await ModuleVersionAsync());
        Assert.Equal(6, await store.SchemaVersionAsync(None));
    }

    [Fact]
    public async Task Migrate_Again_RunsNoStepTwice()
    {
        var store = Database.Open(Widgets(2));
        await store.MigrateAsync(None);

        await store.MigrateAsync(None);
        await Database.Open(Widgets(2)).MigrateAsync(None);

        Assert.Equal(2, await Database.ScalarAsync($"SELECT COUNT(*) FROM schema_modules WHERE module = '{Module}';"));
    }

    [Fact]
    public async Task Migrate_AModuleThatGrew_RunsOnlyItsNewSteps_AndKeepsTheRows()
    {
        await Database.Open(Widgets(1)).MigrateAsync(None);
        await Database.ExecuteAsync("INSERT INTO widgets (id, name) VALUES (1, 'sprocket');");

        await Database.Open(Widgets(2)).MigrateAsync(None);

        Assert.Equal(2, await ModuleVersionAsync());
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM widgets WHERE name = 'sprocket' AND colour IS NULL;"));
    }

    [Fact]
    public async Task Migrate_TablesMadeBeforeTheModule_AreAdopted_NotMadeAgain()
    {
        await Database.ExecuteAsync(IsSqlite ? SqliteTable.Sql : PostgresTable.Sql);
        await Database.ExecuteAsync("INSERT INTO widgets (id, name) VALUES (1, 'sprocket');");

        await Database.Open(Widgets(2, adopt: true)).MigrateAsync(None);

        Assert.Equal(2, await ModuleVersionAsync());
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM widgets WHERE name = 'sprocket' AND colour IS NULL;"));
        Assert.Equal(1, await Database.ScalarAsync($"SELECT COUNT(*) FROM schema_modules WHERE module = '{Module}' AND version = 1 AND description LIKE '%(adopted: already in place)';"));
    }

    [Fact]
    public async Task Migrate_AModuleStepThatFails_LeavesNothingOfTheMigration()
    {
        var broken = new SchemaModule(Module, Steps(new SchemaStep(1, "broken", "CREATE TABLE widgets (;")), Steps(new SchemaStep(1, "broken", "CREATE TABLE widgets (;")));

        await Assert.ThrowsAnyAsync<Exception>(() => Database.Open(broken).MigrateAsync(None));

        Assert.Equal(0, await Store.SchemaVersionAsync(None));
    }

    [Fact]
    public void Open_AModuleWithAMissingVersion_OrTwoModulesOfOneName_IsRefused()
    {
        var gap = new SchemaModule(Module, Steps(SqliteTable, Colour with { Version = 3 }), Steps(PostgresTable, Colour with { Version = 3 }));

        Assert.Throws<ArgumentException>(() => Database.Open(gap));
        Assert.Throws<ArgumentException>(() => Database.Open(Widgets(1), Widgets(2)));
    }

    private bool IsSqlite => Database.Provider == "sqlite";

    private static SchemaModuleSteps Steps(params SchemaStep[] steps) => new(steps);

    /// <summary>The widgets module at <paramref name="version"/>; <paramref name="adopt"/> adds the query that finds a table made before it.</summary>
    private static SchemaModule Widgets(int version, bool adopt = false) => new(
        Module,
        new SchemaModuleSteps(
            [.. new[] { SqliteTable, Colour }.Take(version)],
            adopt ? "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'widgets') THEN 1 ELSE 0 END;" : null),
        new SchemaModuleSteps(
            [.. new[] { PostgresTable, Colour }.Take(version)],
            adopt ? "SELECT CASE WHEN to_regclass('widgets') IS NULL THEN 0 ELSE 1 END;" : null));

    private Task<long> ModuleVersionAsync() =>
        Database.ScalarAsync($"SELECT COALESCE(MAX(version), 0) FROM schema_modules WHERE module = '{Module}';");
}
