using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContractBridge.Simulators.Tests.Ironclad.Support;

/// <summary>
/// The test's own JSON.stringify of a parsed body (ECMAScript's SerializeJSONProperty / QuoteJSONString), written
/// separately from the simulator's so the signature check is independent. System.Text.Json is not usable here: even its
/// relaxed encoder escapes characters outside the BMP (an emoji becomes <c>\uD83D\uDE00</c>), JSON.stringify does not.
/// </summary>
public static class ReferenceJsonStringify
{
    public static string Stringify(JsonElement element)
    {
        var output = new StringBuilder();
        Write(element, output);
        return output.ToString();
    }

    private static void Write(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var firstProperty = true;
                foreach (var property in element.EnumerateObject())
                {
                    output.Append(firstProperty ? "" : ",");
                    firstProperty = false;
                    Quote(property.Name, output);
                    output.Append(':');
                    Write(property.Value, output);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var firstItem = true;
                foreach (var item in element.EnumerateArray())
                {
                    output.Append(firstItem ? "" : ",");
                    firstItem = false;
                    Write(item, output);
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                Quote(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                var number = element.GetDouble();
                output.Append(number == Math.Floor(number) && Math.Abs(number) < 1e21
                    ? number.ToString("0", CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal));
                break;
            default:
                output.Append(element.GetRawText());
                break;
        }
    }

    private static void Quote(string value, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in value)
        {
            output.Append(c switch
            {
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        output.Append('"');
    }
}
