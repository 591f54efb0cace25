using System.Collections;
using ContractBridge.Configuration;
using Microsoft.Extensions.Configuration;

namespace ContractBridge.Tests.Configuration;

public sealed class SeedEnvironmentTests
{
    [Fact]
    public void SeedVariables_BecomeOneRuleAndBothConnections()
    {
        var environment = new Hashtable
        {
            ["KOMMO_SUBDOMAIN"] = "acme",
            ["KOMMO_ACCESS_TOKEN"] = "kommo-token",
            ["KOMMO_CONTRACT_STAGE_ID"] = "61234567",
            ["KOMMO_CLOSED_WON_ID"] = "142",
            ["KOMMO_WEBHOOK_SECRET"] = "0123456789abcdef",
            ["IRONCLAD_API_KEY"] = "ironclad-key",
            ["IRONCLAD_CREATOR_EMAIL"] = "bot@acme.example",
        };

        var options = Bind(environment);

        Assert.Equal(new Uri("https://acme.kommo.com/api/v4"), options.Kommo.BaseUrl);
        Assert.Equal("kommo-token", options.Kommo.AccessToken);
        Assert.Equal(new Uri("https://ironcladapp.com/public/api/v1"), options.Ironclad.BaseUrl);
        var rule = Assert.Single(options.Rules);
        Assert.Equal((61234567L, (long?)null, "MSA", 142L), (rule.StageId, rule.PipelineId, rule.Template, rule.ClosedWonStageId));
        Assert.True(new BridgeOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void ExplicitBaseUrlsAndTemplate_WinOverDefaults()
    {
        var environment = new Hashtable
        {
            ["KOMMO_SUBDOMAIN"] = "acme",
            ["KOMMO_BASE_URL"] = "https://acme.amocrm.ru/api/v4",
            ["IRONCLAD_API_KEY"] = "k",
            ["IRONCLAD_BASE_URL"] = "https://eu1.ironcladapp.com/public/api/v1",
            ["IRONCLAD_TEMPLATE_NAME"] = "NDA",
            ["KOMMO_CONTRACT_STAGE_ID"] = "5",
            ["KOMMO_PIPELINE_ID"] = "9",
        };

        var options = Bind(environment);

        Assert.Equal(new Uri("https://acme.amocrm.ru/api/v4"), options.Kommo.BaseUrl);
        Assert.Equal(new Uri("https://eu1.ironcladapp.com/public/api/v1"), options.Ironclad.BaseUrl);
        Assert.Equal(("NDA", (long?)9), (options.Rules[0].Template, options.Rules[0].PipelineId));
    }

    [Fact]
    public void EmptyEnvironment_IsAccepted_ForConnectingAtSetup()
    {
        var result = new BridgeOptionsValidator().Validate(null, Bind(new Hashtable()));

        Assert.True(result.Succeeded, string.Join("\n", result.Failures ?? []));
    }

    [Fact]
    public void HalfConfiguredServices_AreRefused_WithEveryProblemNamed()
    {
        var result = new BridgeOptionsValidator().Validate(null, Bind(new Hashtable
        {
            ["KOMMO_SUBDOMAIN"] = "acme",
            ["IRONCLAD_BASE_URL"] = "https://na1.ironcladapp.com/public/api/v1",
            ["KOMMO_WEBHOOK_SECRET"] = "short",
        }));

        Assert.False(result.Succeeded);
        var problems = result.Failures!.ToList();
        Assert.Contains(problems, p => p.Contains("KOMMO_ACCESS_TOKEN", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IRONCLAD_API_KEY", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IRONCLAD_CREATOR_EMAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoRulesOnOneStage_AreRefused()
    {
        var options = Bind(new Hashtable());
        options.Rules.Add(new ContractRule { Name = "a", PipelineId = 1, StageId = 2 });
        options.Rules.Add(new ContractRule { Name = "b", PipelineId = 1, StageId = 2 });

        var result = new BridgeOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, p => p.Contains("'a', 'b' trigger on the same pipeline and stage", StringComparison.Ordinal));
    }

    private static BridgeOptions Bind(IDictionary environment)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(SeedEnvironment.ToConfiguration(environment)).Build();
        var options = new BridgeOptions();
        configuration.GetSection(BridgeOptions.Section).Bind(options);
        return options;
    }
}
