namespace ContractBridge.Engine.Intake;

/// <summary>What the intake has done since it started: fewer commits than events means group commit is working.</summary>
public sealed record IntakeStatistics(long Commits, long Events, long Stored, long Duplicates);
