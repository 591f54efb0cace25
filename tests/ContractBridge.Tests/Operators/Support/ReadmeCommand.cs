namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// A ContractBridge command line the README shows: as shown (without its comment), the arguments after the binary, and
/// the directory the README runs it in (a preceding <c>cd</c>, a unit's WorkingDirectory=; null: the repository root).
/// </summary>
internal sealed record ReadmeCommand(string Shown, IReadOnlyList<string> Arguments, string? WorkingDirectory);
