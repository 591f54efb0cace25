namespace ContractBridge.Engine.Storage;

/// <summary>
/// Tables a service keeps in the engine's database beside the engine's own, which the engine knows nothing about. The
/// module's steps are versioned apart from the engine's, under <paramref name="Name"/> in <c>schema_modules</c>, and are
/// applied by the same migration: under the same lock, in the same transaction, after the engine's own steps. Register
/// one with <c>AddSchemaModule</c>, or pass it to the store's constructor.
/// </summary>
/// <param name="Name">The module's key in <c>schema_modules</c>, e.g. "orders". Never renamed once released.</param>
/// <param name="Sqlite">The steps for the SQLite store.</param>
/// <param name="Postgres">The steps for the PostgreSQL store.</param>
public sealed record SchemaModule(string Name, SchemaModuleSteps Sqlite, SchemaModuleSteps Postgres);
