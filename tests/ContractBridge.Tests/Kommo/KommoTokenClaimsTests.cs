using System.Text;
using ContractBridge.Kommo;

namespace ContractBridge.Tests.Kommo;

public sealed class KommoTokenClaimsTests
{
    [Fact]
    public void AJwtShapedToken_GivesItsExpiryAndScopes()
    {
        var token = Jwt("""{"aud":"client","exp":1796212800,"scopes":["crm","notifications"]}""");

        var claims = KommoTokenClaims.TryRead(token);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796212800), claims?.ExpiresAt);
        Assert.Equal(["crm", "notifications"], claims?.Scopes);
    }

    [Theory]
    [InlineData("kommo-sim-long-lived-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJ0eXAiOiJKV1QifQ.bm90IGpzb24.c2ln")]
    public void AnythingElse_GivesNothing(string token) => Assert.Null(KommoTokenClaims.TryRead(token));

    [Fact]
    public void ClaimsOfTheWrongType_AreLeftOut()
    {
        var claims = KommoTokenClaims.TryRead(Jwt("""{"exp":"soon","scopes":"crm"}"""));

        Assert.Equal(new KommoTokenClaims(null, null), claims);
    }

    private static string Jwt(string payload) =>
        $"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.c2lnbmF0dXJl";
}
