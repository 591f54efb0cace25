namespace ContractBridge.Tests.Flows.DealActions.Support;

/// <summary>
/// The wire to the Kommo simulator, with a hook: before each write (any request but a GET) it runs the next action
/// queued, such as a rep deleting a deal between the handler's read and its write. It keeps the bodies of the writes.
/// </summary>
internal sealed class BeforeWrites() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly Lock _gate = new();
    private readonly Queue<Action> _actions = new();
    private readonly List<string> _bodies = [];

    /// <summary>The bodies of the writes sent, in order.</summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> just before the next write not yet given an action.</summary>
    public void Then(Action action)
    {
        lock (_gate)
        {
            _actions.Enqueue(action);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get)
        {
            Action? action;
            lock (_gate)
            {
                _actions.TryDequeue(out action);
            }

            action?.Invoke();
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (_gate)
            {
                _bodies.Add(body);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
