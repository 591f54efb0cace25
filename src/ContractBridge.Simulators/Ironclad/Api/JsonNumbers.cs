using System.Globalization;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Reads a JSON number as a double whatever CLR type backs the node: parsed JSON and values built in code (an int
/// default) both work, where <c>GetValue&lt;double&gt;</c> throws on the latter.
/// </summary>
public static class JsonNumbers
{
    public static double ToDouble(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
