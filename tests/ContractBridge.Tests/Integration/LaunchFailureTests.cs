using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Integration;

public sealed class LaunchFailureTests
{
    [Fact]
    public async Task UnknownTemplate_GivesANoteNamingIt_AndMovingAgainRetries()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?> { ["ContractBridge:Rules:0:Template"] = "Master Agreement 2027" });
        var lead = bridge.Account.AddDeal("Vandelay Industries");

        bridge.Account.MoveToSendContract(lead);

        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "could not be launched");
        Assert.Contains("no Ironclad template is named 'Master Agreement 2027'", note.Text, StringComparison.Ordinal);
        Assert.Contains("MSA", note.Text, StringComparison.Ordinal);
        Assert.Empty(bridge.Ironclad.Control.Workflows());
        Assert.Null(await bridge.Contracts.FindActiveByLeadAsync(lead, CancellationToken.None));
    }

    [Fact]
    public async Task MappingToAnAttributeTheTemplateLacks_GivesANoteNamingTheAttribute()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:Mapping:counterpartyName"] = "company.name",
            ["ContractBridge:Rules:0:Mapping:contractValue"] = "lead.price",
            ["ContractBridge:Rules:0:Mapping:counterpartySignerName"] = "contact.name",
            ["ContractBridge:Rules:0:Mapping:counterpartySignerEmail"] = "contact.email",
            ["ContractBridge:Rules:0:Mapping:purchaseOrder"] = "lead.cf[PO]",
        });
        var lead = bridge.Account.AddDeal("Kramerica");

        bridge.Account.MoveToSendContract(lead);

        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "could not be launched");
        Assert.Contains("purchaseOrder", note.Text, StringComparison.Ordinal);
        Assert.Contains("is not an attribute of the template 'MSA'", note.Text, StringComparison.Ordinal);
        Assert.Empty(bridge.Ironclad.Control.Workflows());
    }

    [Fact]
    public async Task RepublishedTemplate_IsResolvedAgain_AndTheLaunchSucceeds()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var first = bridge.Account.AddDeal("Before republish");
        await LifecycleSteps.LaunchAsync(bridge, first);

        var republished = bridge.Ironclad.Control.RepublishTemplate("MSA");
        var second = bridge.Account.AddDeal("After republish");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, second);

        Assert.Equal(republished.Id, workflow.TemplateId);
        Assert.Equal(2, bridge.Ironclad.Control.Workflows().Count);
    }

    [Fact]
    public async Task IroncladRefusingAnAttribute_GivesANoteNamingIt()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var warmup = bridge.Account.AddDeal("Warm the template cache");
        await LifecycleSteps.LaunchAsync(bridge, warmup);

        // Legal re-publishes the MSA with a new required question the rule does not fill: Ironclad refuses the launch.
        var msa = SampleTemplates.Msa;
        bridge.Ironclad.Control.ReplaceTemplates([msa with { Attributes = [.. msa.Attributes, new TemplateAttribute("governingLaw", "string", "Governing Law", Required: true)] }]);
        var lead = bridge.Account.AddDeal("Needs governing law");
        bridge.Account.MoveToSendContract(lead);

        var note = await LifecycleSteps.NoteContainingAsync(bridge, lead, "could not be launched");
        Assert.Contains("governingLaw", note.Text, StringComparison.Ordinal);
        Assert.Single(bridge.Ironclad.Control.Workflows());
    }
}
