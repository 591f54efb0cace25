using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContractBridge.Ironclad.Webhooks;

/// <summary>
/// Reproduces <c>JSON.stringify(JSON.parse(body))</c> byte for byte, because Ironclad signs that string, not the bytes it
/// sent. Compact, key order kept, strings escaped as JavaScript does (only <c>"</c>, <c>\</c> and control characters;
/// never <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> or non-ASCII), numbers printed as JavaScript prints a double.
/// System.Text.Json's writer escapes more than that, so the writing is done here.
/// </summary>
public static class JavaScriptJson
{
    /// <summary>Deeper than any real webhook; bounds the work a hostile body can cause.</summary>
    public const int MaxDepth = 64;

    /// <summary>Re-serialises <paramref name="utf8Json"/>; throws <see cref="JsonException"/> when it is not JSON or has duplicate keys.</summary>
    public static string Stringify(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var output = new StringBuilder(utf8Json.Length);
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The body is empty.");
            }

            WriteValue(ref reader, output);
            if (reader.Read())
            {
                throw new JsonException("There is more than one JSON value in the body.");
            }
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports strings it cannot transcode (lone surrogates) this way.
            throw new JsonException("The body holds a string that is not valid Unicode.", ex);
        }

        return output.ToString();
    }

    private static void WriteValue(ref Utf8JsonReader reader, StringBuilder output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(ref reader, output);
                break;
            case JsonTokenType.StartArray:
                output.Append('[');
                var firstItem = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!firstItem)
                    {
                        output.Append(',');
                    }

                    WriteValue(ref reader, output);
                    firstItem = false;
                }

                output.Append(']');
                break;
            case JsonTokenType.String:
                AppendString(output, reader.GetString()!);
                break;
            case JsonTokenType.Number:
                output.Append(FormatNumber(ParseNumber(ref reader)));
                break;
            case JsonTokenType.True:
                output.Append("true");
                break;
            case JsonTokenType.False:
                output.Append("false");
                break;
            case JsonTokenType.Null:
                output.Append("null");
                break;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private static void WriteObject(ref Utf8JsonReader reader, StringBuilder output)
    {
        output.Append('{');
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            if (!keys.Add(key))
            {
                // JSON.parse would keep the last value at the first key's place; no real webhook does this, so refuse it.
                throw new JsonException($"The key \"{key}\" appears twice in one object.");
            }

            if (keys.Count > 1)
            {
                output.Append(',');
            }

            AppendString(output, key);
            output.Append(':');
            reader.Read();
            WriteValue(ref reader, output);
        }

        output.Append('}');
    }

    /// <summary>Formats a double as JavaScript's Number.prototype.toString does (ECMA-262 Number::toString).</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "null";
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" gives the shortest digits that round-trip, as JavaScript does; only the layout differs.
        var (digits, exponent) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var sign = value < 0 ? "-" : string.Empty;
        var k = digits.Length;
        var n = exponent;
        string body;
        if (k <= n && n <= 21)
        {
            body = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            body = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            body = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
            body = mantissa + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }

        return sign + body;
    }

    private static double ParseNumber(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return double.Parse(Encoding.UTF8.GetString(raw), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Splits a .NET round-trip string ("1.2345E+21", "0.001", "123") into significant digits and the decimal exponent n
    /// such that value = 0.digits × 10^n, as the ECMAScript algorithm names them.
    /// </summary>
    private static (string Digits, int Exponent) Decompose(string roundTrip)
    {
        var exponentAt = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fractionPart = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var allDigits = integerPart + fractionPart;
        var n = integerPart.Length + exponent;
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        allDigits = allDigits.TrimStart('0');
        n -= leadingZeros;
        allDigits = allDigits.TrimEnd('0');
        return (allDigits.Length == 0 ? "0" : allDigits, n);
    }

    private static void AppendString(StringBuilder output, string value)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPairedSurrogate(value, i)))
                    {
                        // Well-formed JSON.stringify (ES2019) escapes control characters and lone surrogates as \uXXXX.
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    private static bool IsPairedSurrogate(string value, int i) =>
        char.IsHighSurrogate(value[i])
            ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
            : i > 0 && char.IsHighSurrogate(value[i - 1]);
}
