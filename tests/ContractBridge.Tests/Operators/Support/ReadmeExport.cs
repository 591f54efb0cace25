namespace ContractBridge.Tests.Operators.Support;

/// <summary>An <c>export NAME=value</c> line of the README's shell blocks.</summary>
internal sealed record ReadmeExport(string Name, string Value);
