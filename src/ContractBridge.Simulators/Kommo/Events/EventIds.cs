namespace ContractBridge.Simulators.Kommo.Events;

/// <summary>
/// Event ids shaped like Kommo's (<c>01drbfj5a8k9zd60bgg907a6w9</c>: a ULID in lowercase Crockford base32): 48 bits of
/// milliseconds, then the account's event sequence where a ULID has randomness, so ids are unique and deterministic.
/// </summary>
internal static class EventIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string Next(long unixSeconds, long sequence)
    {
        var high = (UInt128)(ulong)(unixSeconds * 1000) << 80;
        var value = high | (UInt128)(ulong)sequence;
        Span<char> text = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(text);
    }
}
