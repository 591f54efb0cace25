using System.Text;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Tests.Kommo;

/// <summary>note_lead and delete_lead bodies in Kommo's wire format (v2 names, as real receivers have recorded them).</summary>
public sealed class KommoNoteAndDeleteParsingTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private const string NoteBody =
        "leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Belement_type%5D=2&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Belement_id%5D=22060555"
        + "&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bnote_type%5D=4&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Btext%5D=%40legal+cap+liability%3F"
        + "&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Baccount_id%5D=15109720&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bdate_create%5D=2020-09-28+00%3A26%3A51"
        + "&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bcreated_by%5D=1608151&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bmodified_by%5D=1608151"
        + "&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bid%5D=213313359&leads%5Bnote%5D%5B0%5D%5Bnote%5D%5Bcreated_at%5D=1601242011"
        + "&account%5Bsubdomain%5D=acme&account%5Bid%5D=15109720";

    [Fact]
    public void NoteLead_ParsesTheNote_WithItsLeadTypeTextAndAuthor()
    {
        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(NoteBody));

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Webhook.Leads);
        Assert.Equal(new KommoLeadNote(22060555, 213313359, 4, "@legal cap liability?", 1608151), Assert.Single(result.Webhook.NotesAdded));
        Assert.Equal("acme", result.Webhook.AccountSubdomain);
    }

    [Fact]
    public void NoteOnAContact_OrWithoutItsLead_IsSkippedOrRefused()
    {
        var contact = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes("leads[note][0][note][element_type]=1&leads[note][0][note][element_id]=5&leads[note][0][note][id]=6&leads[note][0][note][text]=x"));
        var noLead = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes("leads[note][0][note][id]=6&leads[note][0][note][text]=x"));
        var badLead = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes("leads[note][0][note][element_id]=-5&leads[note][0][note][id]=6"));

        Assert.True(contact.Succeeded, contact.Error);
        Assert.Empty(contact.Webhook.NotesAdded);
        Assert.Equal("leads[note][0][note] has no [element_id].", noLead.Error);
        Assert.False(badLead.Succeeded);
    }

    [Fact]
    public void DeleteLead_ParsesAsADeletion_WithItsStageAndPipeline()
    {
        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes("leads%5Bdelete%5D%5B0%5D%5Bid%5D=42&leads%5Bdelete%5D%5B0%5D%5Bstatus_id%5D=61524398&leads%5Bdelete%5D%5B0%5D%5Bpipeline_id%5D=7815243&account%5Bid%5D=1"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new KommoLeadChange(KommoLeadAction.Delete, 42, 61524398, null, 7815243, null, null), Assert.Single(result.Webhook.Leads));
        Assert.Null(result.Webhook.Notes);
    }

    [Fact]
    public void StatusLead_CarriesWhoMovedItAndTheLossReason()
    {
        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes("leads[status][0][id]=7&leads[status][0][status_id]=143&leads[status][0][old_status_id]=5&leads[status][0][pipeline_id]=3&leads[status][0][modified_user_id]=2079718&leads[status][0][loss_reason_id]=991"));

        var lead = Assert.Single(result.Webhook!.Leads);
        Assert.Equal((2079718L, 991L), (lead.ModifiedUserId, lead.LossReasonId));
    }
}
