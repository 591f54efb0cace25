using ContractBridge.Configuration;
using ContractBridge.Hosting;
using ContractBridge.Observability;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Operations;

/// <summary>The operations settings refuse values that cannot work, saying which setting and why.</summary>
public sealed class OperationsSettingsTests
{
    [Fact]
    public void AMetricsTokenShorterThan16Characters_IsRefused()
    {
        var result = new MetricsOptionsValidator().Validate(null, new MetricsOptions { Token = "short-token" });

        Assert.Contains(result.Failures!, f => f.Contains("Metrics:Token", StringComparison.Ordinal) && f.Contains("at least 16 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void AMetricsPortOutsideTheTcpRange_IsRefused(int port)
    {
        var result = new MetricsOptionsValidator().Validate(null, new MetricsOptions { Port = port });

        Assert.Contains(result.Failures!, f => f.Contains("Metrics:Port", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDefaults_AreAccepted()
    {
        Assert.True(new MetricsOptionsValidator().Validate(null, new MetricsOptions()).Succeeded);
    }

    [Fact]
    public void AMetricsPortTheServiceAlreadyListensOn_IsRefusedAtBuild()
    {
        var error = Assert.Throws<OptionsValidationException>(() => BridgeApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:18089",
            ["ContractBridge:Metrics:Port"] = "18089",
        }));

        Assert.Contains("already listens on (http://127.0.0.1:18089)", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5005;http://[::1]:5005", "http://127.0.0.1:5005;http://[::1]:5005;http://127.0.0.1:9464;http://[::1]:9464")]
    [InlineData("urls", "http://0.0.0.0:8080", "http://0.0.0.0:8080;http://0.0.0.0:9464")]
    [InlineData("http_ports", "8080", "http://*:8080;http://*:9464")]
    [InlineData("unset", "", "http://localhost:5000;http://localhost:9464")]
    public async Task TheMetricsPort_IsListenedOnWhereTheMainUrlsAre(string setting, string value, string expected)
    {
        await using var app = BridgeApp.Build([], new Dictionary<string, string?>
        {
            [setting] = value,
            ["ContractBridge:Metrics:Port"] = "9464",
        });

        Assert.Equal(expected, app.Configuration["urls"]);
    }

    [Fact]
    public void LoginLimitsBelowOne_AreRefused()
    {
        var options = new BridgeOptions { Dashboard = new DashboardOptions { LoginFailuresPerClient = 0 } };

        var result = new BridgeOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("Dashboard:LoginFailuresPerClient", StringComparison.Ordinal));
    }
}
