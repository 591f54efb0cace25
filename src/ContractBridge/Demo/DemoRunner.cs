namespace ContractBridge.Demo;

public sealed class DemoRunner(TextWriter output, DemoSettings settings)
{
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _ = output;
        _ = settings;
        _ = cancellationToken;
        return Task.FromResult(0);
    }
}
