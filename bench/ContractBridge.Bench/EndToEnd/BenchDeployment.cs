namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// How the service is deployed for a scenario: one instance on its own SQLite file (the default), or
/// <see cref="Instances"/> instances on one fresh PostgreSQL database behind a round-robin balancer, as a fleet runs.
/// </summary>
internal sealed record BenchDeployment(int Instances, string? PostgresServer)
{
    public static BenchDeployment Sqlite { get; } = new(1, null);

    public bool OnPostgres => PostgresServer is not null;

    public string Name => OnPostgres ? $"postgresql x{Instances}" : "sqlite";

    public static BenchDeployment Postgres(string server, int instances) =>
        instances < 1 ? throw new ArgumentOutOfRangeException(nameof(instances), "A fleet has at least one instance.") : new(instances, server);
}
