using ContractBridge.Setup;

namespace ContractBridge.Tests.Setup;

public sealed class KommoAccountHostsTests
{
    private static readonly string[] Defaults = ["*.kommo.com", "*.amocrm.ru", "*.amocrm.com"];

    [Theory]
    [InlineData("acme.kommo.com", "https://acme.kommo.com/")]
    [InlineData("Acme.amoCRM.ru", "https://acme.amocrm.ru/")]
    [InlineData("shop.amocrm.com", "https://shop.amocrm.com/")]
    [InlineData("kommo.com", null)]
    [InlineData("a.b.kommo.com", null)]
    [InlineData("acme.kommo.com.attacker.example", null)]
    [InlineData("acme.kommo.com:8443", null)]
    [InlineData("acme.kommo.com/path", null)]
    [InlineData("user@acme.kommo.com", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Referer_IsAnAccountOnlyOnAnAllowedHost(string? referer, string? origin) =>
        Assert.Equal(origin, KommoAccountHosts.Origin(referer, Defaults)?.ToString());

    [Fact]
    public void AnExactOrigin_AllowsThatHostAndPort_OverItsScheme() =>
        Assert.Equal("http://127.0.0.1:5123/", KommoAccountHosts.Origin("127.0.0.1:5123", ["http://127.0.0.1:5123"])?.ToString());
}
