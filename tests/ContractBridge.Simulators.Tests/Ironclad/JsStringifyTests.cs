using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>The simulator writes signed bodies byte for byte as JavaScript's JSON.stringify would.</summary>
public sealed class JsStringifyTests
{
    [Theory]
    [InlineData("<a href='x'>&amp;</a>", "\"<a href='x'>&amp;</a>\"")]
    [InlineData("Müller 日本 😀", "\"Müller 日本 😀\"")]
    [InlineData("quote \" backslash \\ slash /", "\"quote \\\" backslash \\\\ slash /\"")]
    [InlineData("\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("\u2028\u2029", "\"\u2028\u2029\"")]
    public void Strings_AreEscapedAsJsonStringifyDoes(string value, string expected) =>
        Assert.Equal(expected, JsStringify.Write(JsonValue.Create(value)));

    [Fact]
    public void LoneSurrogates_AreEscapedInLowerCase()
    {
        var value = "lone " + (char)0xD800 + " surrogate " + (char)0xDC01;

        Assert.Equal("\"lone \\ud800 surrogate \\udc01\"", JsStringify.Write(JsonValue.Create(value)));
    }

    [Fact]
    public void Objects_AreCompact_InInsertionOrder_WithJsNumbers()
    {
        var node = new JsonObject
        {
            ["z"] = 1,
            ["a"] = new JsonArray(1.5, true, null, "x"),
            ["m"] = new JsonObject { ["n"] = 100.0, ["big"] = 1e21, ["small"] = 1e-7 },
        };

        Assert.Equal("{\"z\":1,\"a\":[1.5,true,null,\"x\"],\"m\":{\"n\":100,\"big\":1e+21,\"small\":1e-7}}", JsStringify.Write(node));
    }
}
