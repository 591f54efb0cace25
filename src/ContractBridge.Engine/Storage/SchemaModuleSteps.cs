namespace ContractBridge.Engine.Storage;

/// <summary>One store's steps of a <see cref="SchemaModule"/>.</summary>
/// <param name="Steps">Versions 1, 2, … in any order; each is applied once, in version order.</param>
/// <param name="HeldVersionSql">
/// For tables made before the module was tracked (by an older release that kept them elsewhere): a query returning the
/// module version the database already holds, 0 for none. It runs once, while the module has no record yet; the versions
/// it names are recorded as adopted, not run. Null: a database without a record holds none of the module.
/// </param>
public sealed record SchemaModuleSteps(IReadOnlyList<SchemaStep> Steps, string? HeldVersionSql = null);
