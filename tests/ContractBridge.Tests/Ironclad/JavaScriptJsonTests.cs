using System.Text;
using System.Text.Json;
using ContractBridge.Ironclad.Webhooks;

namespace ContractBridge.Tests.Ironclad;

public sealed class JavaScriptJsonTests
{
    [Theory]
    [InlineData("{ \"b\" : 1, \"a\" : [ true, false, null ] }", "{\"b\":1,\"a\":[true,false,null]}")]
    [InlineData("{\"title\":\"Tom & Jerry <MSA>\"}", "{\"title\":\"Tom & Jerry <MSA>\"}")]
    [InlineData("{\"name\":\"Zoë Müller — 株式会社\"}", "{\"name\":\"Zoë Müller — 株式会社\"}")]
    [InlineData("{\"s\":\"\\u00e9\\u003c\"}", "{\"s\":\"é<\"}")]
    [InlineData("{\"s\":\"line\\nbreak\\ttab \\\"quoted\\\" back\\\\slash\"}", "{\"s\":\"line\\nbreak\\ttab \\\"quoted\\\" back\\\\slash\"}")]
    [InlineData("{\"s\":\"\\u0001\\u001f\"}", "{\"s\":\"\\u0001\\u001f\"}")]
    [InlineData("{\"s\":\"\\/\"}", "{\"s\":\"/\"}")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    public void Stringify_ReproducesJavaScriptOutput(string input, string expected)
    {
        var result = JavaScriptJson.Stringify(Encoding.UTF8.GetBytes(input));

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("1.0", "1")]
    [InlineData("100", "100")]
    [InlineData("-0", "0")]
    [InlineData("1e2", "100")]
    [InlineData("25.37", "25.37")]
    [InlineData("0.1", "0.1")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("1.5e-10", "1.5e-10")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1.2345e25", "1.2345e+25")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("1617826612776", "1617826612776")]
    public void Stringify_PrintsNumbersAsJavaScriptDoes(string number, string expected)
    {
        var result = JavaScriptJson.Stringify(Encoding.UTF8.GetBytes(number));

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"s\":\"\\ud800\"}")]
    public void Stringify_RejectsWhatIsNotOneJsonValue(string input)
    {
        Assert.ThrowsAny<JsonException>(() => JavaScriptJson.Stringify(Encoding.UTF8.GetBytes(input)));
    }

    [Fact]
    public void Stringify_RejectsNestingDeeperThanTheLimit()
    {
        var deep = new string('[', JavaScriptJson.MaxDepth + 1) + new string(']', JavaScriptJson.MaxDepth + 1);

        Assert.ThrowsAny<JsonException>(() => JavaScriptJson.Stringify(Encoding.UTF8.GetBytes(deep)));
    }
}
