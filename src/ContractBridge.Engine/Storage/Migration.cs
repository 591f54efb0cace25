namespace ContractBridge.Engine.Storage;

/// <summary>One schema step. Versions only grow; a migration once released is never edited, a new one is added instead.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
