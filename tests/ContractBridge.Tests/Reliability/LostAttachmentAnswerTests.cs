using ContractBridge.Configuration;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows;
using ContractBridge.Flows.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Ironclad;
using ContractBridge.Kommo;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Tests.Integration.Support;
using ContractBridge.Tests.Support;
using ContractBridge.Tests.Upstream.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Reliability;

/// <summary>
/// The attachment note is written but its answer is lost: the retry must recognise the note it wrote (by the file's
/// name), not attach the PDF twice. And an upload failing transiently is retried before any fallback note. Found by the
/// upstream-faults run (lost answers).
/// </summary>
public sealed class LostAttachmentAnswerTests
{
    [Fact]
    public async Task AttachmentNoteWritten_ButItsAnswerLost_IsRecognisedOnTheRetry_NotWrittenTwice()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Umbrella Corp");
        await LifecycleSteps.LaunchAsync(bridge, lead);
        var integration = bridge.Kommo.Control.AddIntegration();
        var apiRoot = new Uri(bridge.Kommo.BaseUrl, "/api/v4/");
        using var losing = UpstreamClients.KommoHttp(
            new LoseAnswers(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/leads/notes", StringComparison.Ordinal)), apiRoot, integration.Token);
        using var plain = UpstreamClients.KommoHttp(new SocketsHttpHandler(), apiRoot, integration.Token);
        var kommo = new KommoClient(plain);
        var account = await kommo.GetAccountAsync(withDriveUrl: true, CancellationToken.None);
        var file = await kommo.UploadFileAsync(account.DriveUrl, "MSA - IC-1.pdf", "application/pdf", "%PDF-1.4 signed"u8.ToArray(), CancellationToken.None);
        var payload = JobPayloads.Write(new NoteRequest(lead, file.Name, new NoteAttachment(file.Uuid, file.VersionUuid, file.Name)));
        var options = Options.Create(new BridgeOptions());

        var first = new RecordingBatch(new Job(1, JobKinds.Note, JobKinds.LeadKey(lead), payload, 1, DateTimeOffset.UtcNow, null));
        await new NoteHandler(options, new KommoClient(losing)).HandleAsync(first, CancellationToken.None);
        var retry = new RecordingBatch(new Job(1, JobKinds.Note, JobKinds.LeadKey(lead), payload, 2, DateTimeOffset.UtcNow, "lost"));
        await new NoteHandler(options, kommo).HandleAsync(retry, CancellationToken.None);

        Assert.IsType<JobResult.Transient>(Assert.Single(first.Results));
        Assert.Same(JobResult.Done, Assert.Single(retry.Results));
        Assert.Single(bridge.Kommo.Control.GetLead(lead)!.Attachments);
    }

    [Fact]
    public async Task UploadFailingTransiently_OnTheThirdTry_IsRetried_NotReplacedByALinkNote()
    {
        await using var bridge = await BridgeHarness.StartAsync(configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Rules:0:OnExecuted:AttachDocument"] = "false",
        });
        var lead = bridge.Account.AddDeal("Vandelay Industries");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await LifecycleSteps.NoteContainingAsync(bridge, lead, "signed (executed)");
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "the bridge's own jobs to finish");

        var result = await TransferOnceAsync(bridge, lead, workflow, attempt: 3, kommoHandler: new FailBefore(r => r.Method == HttpMethod.Post));

        Assert.IsType<JobResult.Transient>(result);
    }

    /// <summary>
    /// An earlier try attached the PDF and lost the answer; on the last try Ironclad's document list is unavailable, so
    /// the file's name (what the check looks for) is unknown: the job must try again rather than deny the attachment.
    /// </summary>
    [Fact]
    public async Task DocumentListUnavailable_OnTheLastTry_AfterAnAttachmentWasMade_IsRetried_NotDeniedByANote()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var lead = bridge.Account.AddDeal("Stark Industries");
        var workflow = await LifecycleSteps.LaunchAsync(bridge, lead);
        bridge.Ironclad.Control.AdvanceTo(workflow.Id, WorkflowStage.Complete);
        await Eventually.TrueAsync(() => bridge.Kommo.Control.GetLead(lead)!.Attachments.Count == 1, "the PDF attached by the bridge");
        await Eventually.TrueAsync(async () => (await bridge.Store.CountAsync(CancellationToken.None)) is { Pending: 0, Running: 0 }, "the bridge's own jobs to finish");

        var result = await ListOnceAsync(
            bridge, lead, workflow, AttachSignedDocumentHandler.AttemptsBeforeFallback,
            ironcladHandler: new FailBefore(r => r.RequestUri!.AbsolutePath.EndsWith("/documents", StringComparison.Ordinal)));

        Assert.IsType<JobResult.Transient>(result);
    }

    /// <summary>Runs one try (number <paramref name="attempt"/>) of the lead's job that lists the packet, through the given transport.</summary>
    private static async Task<JobResult> ListOnceAsync(BridgeHarness bridge, long lead, WorkflowSnapshot workflow, int attempt, HttpMessageHandler ironcladHandler)
    {
        var ironcladAuth = new LegacyTokenAuth("ironclad-sim-api-key");
        using var ironcladHttp = UpstreamClients.IroncladHttp(ironcladHandler, new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1/"), ironcladAuth);
        var handler = new AttachDocumentHandler(new IroncladClient(ironcladHttp, ironcladAuth), NullLogger<AttachDocumentHandler>.Instance);
        var payload = JobPayloads.Write(new AttachDocumentRequest(lead, workflow.Id, workflow.IroncladId, "https://ironclad.example/workflows/" + workflow.Id));
        var batch = new RecordingBatch(new Job(1, JobKinds.AttachDocument, JobKinds.LeadKey(lead), payload, attempt, DateTimeOffset.UtcNow, null));

        await handler.HandleAsync(batch, CancellationToken.None);
        return Assert.Single(batch.Results);
    }

    /// <summary>Runs one try (number <paramref name="attempt"/>) of the transfer of the workflow's main document, through the given Kommo transport.</summary>
    private static async Task<JobResult> TransferOnceAsync(BridgeHarness bridge, long lead, WorkflowSnapshot workflow, int attempt, HttpMessageHandler kommoHandler)
    {
        var integration = bridge.Kommo.Control.AddIntegration();
        using var kommoHttp = UpstreamClients.KommoHttp(kommoHandler, new Uri(bridge.Kommo.BaseUrl, "/api/v4/"), integration.Token);
        var ironcladAuth = new LegacyTokenAuth("ironclad-sim-api-key");
        using var ironcladHttp = UpstreamClients.IroncladHttp(new SocketsHttpHandler(), new Uri(bridge.Ironclad.BaseUrl, "/public/api/v1/"), ironcladAuth);
        var kommo = new KommoClient(kommoHttp);
        using var directory = new KommoDirectory(kommo, TimeProvider.System);
        var handler = new AttachSignedDocumentHandler(kommo, directory, new IroncladClient(ironcladHttp, ironcladAuth), NullLogger<AttachSignedDocumentHandler>.Instance);
        var document = workflow.Documents[0];
        var payload = JobPayloads.Write(new AttachSignedDocumentRequest(
            lead, workflow.Id, workflow.IroncladId, "https://ironclad.example/workflows/" + workflow.Id, document.Key, document.Filename,
            $"/public/api/v1/workflows/{workflow.Id}/document/{document.Key}/download"));
        var batch = new RecordingBatch(new Job(1, JobKinds.AttachSignedDocument, JobKinds.LeadKey(lead), payload, attempt, DateTimeOffset.UtcNow, null));

        await handler.HandleAsync(batch, CancellationToken.None);
        return Assert.Single(batch.Results);
    }

    /// <summary>Answers 503 without sending the request, as an upstream incident would.</summary>
    private sealed class FailBefore(Func<HttpRequestMessage, bool> fail) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            fail(request)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("down") })
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>Sends the request, then throws as if the connection broke before the answer came back.</summary>
    private sealed class LoseAnswers(Func<HttpRequestMessage, bool> lose) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (lose(request))
            {
                response.Dispose();
                throw new HttpRequestException("The connection was reset after the request was sent (the answer is lost).");
            }

            return response;
        }
    }
}
