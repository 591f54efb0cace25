using System.Net;
using System.Net.Sockets;
using ContractBridge.Configuration;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Slows down guessing the admin token wherever it is presented (the login form, a bearer header). An attempt is counted
/// as a failure before the token is compared and forgiven when it matches, so guesses sent all at once cannot slip in
/// before the first is counted. One client (an IPv4 address, or an IPv6 /64: one machine usually holds a whole /64) may
/// fail Dashboard:LoginFailuresPerClient times within 15 minutes; then it waits 30 seconds, doubling with each further
/// failure up to 15 minutes. All clients together may fail Dashboard:LoginFailuresOverall times in any minute, so that
/// guesses spread over many addresses are slowed too; past that every login waits, the right token included (answering
/// it would tell a guesser which guess was right). The counts live in memory: each instance of a fleet keeps its own.
/// </summary>
public sealed partial class LoginThrottle(IOptions<BridgeOptions> options, TimeProvider time, ILogger<LoginThrottle> logger)
{
    public static readonly TimeSpan ClientWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan OverallWindow = TimeSpan.FromMinutes(1);

    /// <summary>Past this many remembered clients, those whose failures are forgotten are swept out.</summary>
    private const int SweepAbove = 4096;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ClientFailures> clients = new(StringComparer.Ordinal);

    /// <summary>When each failure (or attempt not yet known to have succeeded) of the last minute happened, oldest first.</summary>
    private readonly LinkedList<DateTimeOffset> recentFailures = new();

    private DateTimeOffset overallLoggedUntil = DateTimeOffset.MinValue;

    private int PerClient => options.Value.Dashboard.LoginFailuresPerClient;

    private int Overall => options.Value.Dashboard.LoginFailuresOverall;

    /// <summary>
    /// Null when the token may be compared: the attempt then counts as a failure until <see cref="Succeeded"/> says
    /// otherwise. Else the refusal, saying how long to wait; a refused attempt is not counted.
    /// </summary>
    public LoginRefusal? TryAttempt(IPAddress? client)
    {
        var key = ClientKey(client);
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recentFailures.First is { } oldest && oldest.Value <= now - OverallWindow)
            {
                recentFailures.RemoveFirst();
            }

            var failures = Remembered(key, now);
            if (failures is not null && failures.WaitUntil > now)
            {
                return new LoginRefusal(failures.WaitUntil - now, Everyone: false);
            }

            if (recentFailures.Count >= Overall)
            {
                return new LoginRefusal(recentFailures.First!.Value + OverallWindow - now, Everyone: true);
            }

            recentFailures.AddLast(now);
            if (failures is null)
            {
                Sweep(now);
                failures = clients[key] = new ClientFailures();
            }

            failures.Count++;
            failures.Last = now;
            if (failures.Count >= PerClient)
            {
                failures.WaitUntil = now + Wait(failures.Count - PerClient);
            }

            return null;
        }
    }

    /// <summary>The attempt's token matched: the client's failures are forgotten and the attempt is not counted.</summary>
    public void Succeeded(IPAddress? client)
    {
        lock (gate)
        {
            clients.Remove(ClientKey(client));
            if (recentFailures.Last is not null)
            {
                recentFailures.RemoveLast();
            }
        }
    }

    /// <summary>The attempt's token was wrong (it is counted already): says so in the log when that starts a wait.</summary>
    public void Failed(IPAddress? client)
    {
        var key = ClientKey(client);
        var now = time.GetUtcNow();
        TimeSpan? clientWait = null;
        var overallReached = false;
        lock (gate)
        {
            if (clients.TryGetValue(key, out var failures) && failures.Count == PerClient)
            {
                clientWait = failures.WaitUntil - now;
            }

            if (recentFailures.Count >= Overall && now >= overallLoggedUntil)
            {
                overallReached = true;
                overallLoggedUntil = recentFailures.First!.Value + OverallWindow;
            }
        }

        if (clientWait is { } wait)
        {
            Log.ClientWaits(logger, PerClient, key, wait);
        }

        if (overallReached)
        {
            Log.EveryoneWaits(logger, Overall);
        }
    }

    /// <summary>
    /// The address failures are counted under: IPv4 as it is (IPv4-mapped IPv6 too), IPv6 by its /64, which is what one
    /// subscriber is given, so that walking through a /64 is not a fresh client each time.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>How long a client waits after its <paramref name="beyond"/>-th failure past the limit (0 for the one that reached it).</summary>
    private static TimeSpan Wait(int beyond) =>
        TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << Math.Min(beyond, 16), LongestWait.Ticks));

    /// <summary>The client's failures, unless they are forgotten: none for <see cref="ClientWindow"/> and no wait left.</summary>
    private ClientFailures? Remembered(string key, DateTimeOffset now)
    {
        if (!clients.TryGetValue(key, out var failures))
        {
            return null;
        }

        if (Forgotten(failures, now))
        {
            clients.Remove(key);
            return null;
        }

        return failures;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (clients.Count < SweepAbove)
        {
            return;
        }

        foreach (var (key, failures) in clients.ToList())
        {
            if (Forgotten(failures, now))
            {
                clients.Remove(key);
            }
        }
    }

    private static bool Forgotten(ClientFailures failures, DateTimeOffset now) =>
        now - failures.Last > ClientWindow && failures.WaitUntil <= now;

    private sealed class ClientFailures
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }

        public DateTimeOffset WaitUntil { get; set; } = DateTimeOffset.MinValue;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "{Failures} wrong admin tokens from {Client} within 15 minutes: it must wait {Wait} before its next try, and longer after each further failure")]
        public static partial void ClientWaits(ILogger logger, int failures, string client, TimeSpan wait);

        [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "{Failures} wrong admin tokens within a minute from all clients (Dashboard:LoginFailuresOverall): every login waits until the minute has passed")]
        public static partial void EveryoneWaits(ILogger logger, int failures);
    }
}
