using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Engine.Jobs;
using ContractBridge.Flows.DealActions;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo;
using ContractBridge.Tests.Flows.DealActions.Support;
using ContractBridge.Tests.Support;
using ContractBridge.Tests.Upstream.Support;

namespace ContractBridge.Tests.Flows.DealActions;

/// <summary>One bad note never fails a batch: Kommo names it by request_id, it is split off, the others are written once.</summary>
public sealed class RefusedNotesTests
{
    private const string PostNotes = "POST /api/v4/leads/notes";

    [Fact]
    public async Task LeadDeletedBeforeTheWrite_TheOtherNotesAreWrittenOnce_AndTheBadOneEndsWithKommosReason()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b, c) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"), rig.Account.AddDeal("Cyan"));
        var jobs = new[] { a, b, c }.Select(lead => rig.Job(JobKinds.Note, lead, new NoteRequest(lead, $"Contract for {lead}"))).ToArray();
        var batch = new RecordingBatch(jobs);
        rig.Kommo.Control.DeleteLead(b);

        await new NoteHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.Same(JobResult.Done, batch.ResultOf(jobs[0]));
        Assert.Same(JobResult.Done, batch.ResultOf(jobs[2]));
        var refused = Assert.IsType<JobResult.Permanent>(batch.ResultOf(jobs[1]));
        Assert.Equal($"Kommo refused the note on lead {b}: entity_id: Lead {b} not found (NotFound)", refused.Error);
        Assert.Equal([$"Contract for {a}"], rig.Kommo.Control.GetLead(a)!.Notes.Select(n => n.Text));
        Assert.Equal([$"Contract for {c}"], rig.Kommo.Control.GetLead(c)!.Notes.Select(n => n.Text));
        Assert.DoesNotContain(rig.Kommo.Control.GetNotes(), n => n.EntityId == b);
        Assert.Equal(2, rig.Calls(PostNotes));
        Assert.Equal(0, rig.Kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task EveryNote_CarriesItsJobsIdAsRequestId()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"));
        var jobs = new[] { a, b }.Select(lead => rig.Job(JobKinds.Note, lead, new NoteRequest(lead, "hello"))).ToArray();

        await new NoteHandler(KommoWriteRig.Options, rig.Client).HandleAsync(new RecordingBatch(jobs), CancellationToken.None);

        var sent = JsonNode.Parse(Assert.Single(rig.Wire.Bodies))!.AsArray();
        Assert.Equal(jobs.Select(j => j.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), sent.Select(n => (string)n!["request_id"]!));
    }

    [Fact]
    public async Task RefusedAgainAfterTheSplit_IsSplitAgain_AndTheRestIsWritten()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var leads = new[] { rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"), rig.Account.AddDeal("Cyan"), rig.Account.AddDeal("Dune") };
        var jobs = leads.Select(lead => rig.Job(JobKinds.Note, lead, new NoteRequest(lead, "signed"))).ToArray();
        var batch = new RecordingBatch(jobs);
        rig.Wire.Then(() => rig.Kommo.Control.DeleteLead(leads[0]));
        rig.Wire.Then(() => rig.Kommo.Control.DeleteLead(leads[1]));

        await new NoteHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.IsType<JobResult.Permanent>(batch.ResultOf(jobs[0]));
        Assert.IsType<JobResult.Permanent>(batch.ResultOf(jobs[1]));
        Assert.Same(JobResult.Done, batch.ResultOf(jobs[2]));
        Assert.Same(JobResult.Done, batch.ResultOf(jobs[3]));
        Assert.Single(rig.Kommo.Control.GetLead(leads[2])!.Notes);
        Assert.Single(rig.Kommo.Control.GetLead(leads[3])!.Notes);
        Assert.Equal(3, rig.Calls(PostNotes));
    }

    [Fact]
    public async Task RefusedOnEverySend_StopsAfterThreeSends_AndTheRestIsTriedAgainLater()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var leads = new[] { rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"), rig.Account.AddDeal("Cyan"), rig.Account.AddDeal("Dune") };
        var jobs = leads.Select(lead => rig.Job(JobKinds.Note, lead, new NoteRequest(lead, "signed"))).ToArray();
        var batch = new RecordingBatch(jobs);
        foreach (var lead in leads[..3])
        {
            rig.Wire.Then(() => rig.Kommo.Control.DeleteLead(lead));
        }

        await new NoteHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.All(jobs[..3], job => Assert.IsType<JobResult.Permanent>(batch.ResultOf(job)));
        var rest = Assert.IsType<JobResult.Transient>(batch.ResultOf(jobs[3]));
        Assert.Contains("will be tried again", rest.Error, StringComparison.Ordinal);
        Assert.Empty(rig.Kommo.Control.GetNotes());
        Assert.Equal(3, rig.Calls(PostNotes)); // the batch, then twice without the notes Kommo named
    }

    [Fact]
    public async Task RetriedNoteAlreadyOnItsDeal_IsNotWrittenAgain_WhileABadNoteBesideItIsRefused()
    {
        await using var rig = await KommoWriteRig.StartAsync();
        var (a, b) = (rig.Account.AddDeal("Acme"), rig.Account.AddDeal("Blue"));
        var first = rig.Job(JobKinds.Note, a, new NoteRequest(a, "signed"));
        await new NoteHandler(KommoWriteRig.Options, rig.Client).HandleAsync(new RecordingBatch(first), CancellationToken.None);
        var retried = first with { Attempt = 2 };
        var bad = rig.Job(JobKinds.Note, b, new NoteRequest(b, "signed"));
        rig.Kommo.Control.DeleteLead(b);
        var batch = new RecordingBatch(retried, bad);

        await new NoteHandler(KommoWriteRig.Options, rig.Client).HandleAsync(batch, CancellationToken.None);

        Assert.Same(JobResult.Done, batch.ResultOf(retried));
        Assert.IsType<JobResult.Permanent>(batch.ResultOf(bad));
        Assert.Single(rig.Kommo.Control.GetLead(a)!.Notes);
    }

    /// <summary>A 400 that names no note keeps the old way: each note alone, so only the bad one fails.</summary>
    [Fact]
    public async Task RefusalNamingNoNote_SendsTheNotesOneByOne()
    {
        var transport = new StubTransport((request, _) =>
        {
            var body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            var items = JsonNode.Parse(body)!.AsArray();
            return items.Count > 1 || body.Contains("\"entity_id\":2", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"title":"Bad Request","status":400,"detail":"Request validation failed","validation-errors":[{"errors":[{"code":"NotSupportedChoice","path":"params","detail":"x"}]}]}""", System.Text.Encoding.UTF8, "application/problem+json"),
                }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        });
        using var http = UpstreamClients.KommoHttp(transport, new Uri("https://acme.kommo.com/api/v4/"), "token");
        var jobs = new[] { 1L, 2L, 3L }.Select(lead => new Job(lead, JobKinds.Note, JobKinds.LeadKey(lead), JobPayloads.Write(new NoteRequest(lead, "hi")), 1, DateTimeOffset.UtcNow, null)).ToArray();
        var batch = new RecordingBatch(jobs);

        await new NoteHandler(KommoWriteRig.Options, new KommoClient(http)).HandleAsync(batch, CancellationToken.None);

        Assert.Equal(4, transport.Sent.Count);
        Assert.Same(JobResult.Done, batch.ResultOf(jobs[0]));
        Assert.IsType<JobResult.Permanent>(batch.ResultOf(jobs[1]));
        Assert.Same(JobResult.Done, batch.ResultOf(jobs[2]));
    }
}
