namespace ContractBridge.Engine.Storage;

/// <summary>What both stores' migrations share about modules: checking them, and the table that records them.</summary>
internal static class SchemaModules
{
    /// <summary>
    /// The bookkeeping table, made beside <c>schema_version</c> before any step runs. Its text suits both dialects: the
    /// time applied is ISO-8601 text, read by people and never compared.
    /// </summary>
    public const string CreateTable = $"""
        CREATE TABLE IF NOT EXISTS {StoreSchema.SchemaModulesTable} (
            module text NOT NULL,
            version integer NOT NULL,
            description text NOT NULL,
            applied_at text NOT NULL,
            PRIMARY KEY (module, version)
        );
        """;

    public const string CurrentVersion = $"SELECT COALESCE(MAX(version), 0) FROM {StoreSchema.SchemaModulesTable} WHERE module = @module;";

    /// <summary>Records one version; <paramref name="now"/> is the dialect's expression for the current UTC time as ISO-8601 text.</summary>
    public static string Record(string now) =>
        $"INSERT INTO {StoreSchema.SchemaModulesTable} (module, version, description, applied_at) VALUES (@module, @version, @description, {now});";

    /// <summary>The description kept for a version found already in place rather than run.</summary>
    public static string Adopted(SchemaStep step) => $"{step.Description} (adopted: already in place)";

    /// <summary>Modules in registration order, each with its steps in version order; throws on a module or version given twice.</summary>
    public static IReadOnlyList<(string Name, SchemaModuleSteps Steps)> Check(IEnumerable<SchemaModule>? modules, Func<SchemaModule, SchemaModuleSteps> dialect)
    {
        var checkedModules = new List<(string, SchemaModuleSteps)>();
        foreach (var module in modules ?? [])
        {
            if (checkedModules.Any(m => m.Item1 == module.Name))
            {
                throw new ArgumentException($"The schema module '{module.Name}' is registered twice; register each module once.", nameof(modules));
            }

            var steps = dialect(module);
            var ordered = steps.Steps.OrderBy(s => s.Version).ToList();
            if (ordered.Where((step, i) => step.Version != i + 1).Any())
            {
                throw new ArgumentException($"The schema module '{module.Name}' must number its steps 1, 2, 3… with none missing or repeated.", nameof(modules));
            }

            checkedModules.Add((module.Name, steps with { Steps = ordered }));
        }

        return checkedModules;
    }
}
