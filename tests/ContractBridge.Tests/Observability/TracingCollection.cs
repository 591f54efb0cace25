namespace ContractBridge.Tests.Observability;

/// <summary>
/// Tracer providers listen to every activity source in the process, so these tests run beside no other bridge: a
/// neighbour's deal has the same lead ids (each test's simulator counts from the same start) and its spans would be
/// recorded here too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "tracing";
}
