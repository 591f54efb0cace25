namespace ContractBridge.Engine.Storage;

/// <summary>
/// One schema step, of the engine or of a module. Versions start at 1 and only grow; a step once released is not edited,
/// a new one is added instead. An empty <paramref name="Sql"/> records the version and runs nothing.
/// </summary>
public sealed record SchemaStep(int Version, string Description, string Sql);
