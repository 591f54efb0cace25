using System.Text.Json;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Simulators.Kommo.Control;

/// <summary>
/// Serves <see cref="KommoControl"/> over HTTP under <c>/_sim/</c> (no auth, never counted, limited or faulted), for
/// benchmarks and demos that run the simulator in another process. Bad input answers 400 <c>{"error": "..."}</c>.
/// </summary>
internal sealed class KommoControlEndpoints(KommoControl control)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var sim = routes.MapGroup("/_sim");
        sim.MapGet("/state", context => WriteAsync(context, control.Summary));
        sim.MapPost("/reset", context => RunAsync(context, control.Reset));
        sim.MapPost("/sample-data", context => WriteAsync(context, control.LoadSampleData()));

        sim.MapPost("/users", context => HandleAsync<SeedUser>(context, user => new CreatedId(control.AddUser(user))));
        sim.MapPost("/pipelines", context => HandleAsync<SeedPipeline>(context, control.AddPipeline));
        sim.MapPost("/loss-reasons", context => HandleAsync<SeedLossReason>(context, reason => new CreatedId(control.AddLossReason(reason))));
        sim.MapPost("/custom-fields", context => HandleAsync<SeedCustomField>(context, control.AddCustomField));
        sim.MapPost("/custom-fields/delete", context => HandleAsync<DeleteCustomField>(context, delete =>
        {
            control.DeleteCustomField(delete.FieldId);
            return new CreatedId(delete.FieldId);
        }));
        sim.MapPost("/companies", context => HandleAsync<SeedCompany>(context, company => new CreatedId(control.AddCompany(company))));
        sim.MapPost("/contacts", context => HandleAsync<SeedContact>(context, contact => new CreatedId(control.AddContact(contact))));
        sim.MapPost("/leads", context => HandleAsync<SeedLead>(context, lead => new CreatedId(control.AddLead(lead))));

        sim.MapPost("/rep/move-leads", context => HandleAsync<MoveLeads>(context, move => new MovedLeads(control.MoveLeads(move))));
        sim.MapPost("/rep/create-lead", context => HandleAsync<SeedLead>(context, lead => new CreatedId(control.CreateLead(lead))));
        sim.MapPost("/rep/edit-lead", context => HandleAsync<EditLead>(context, edit =>
        {
            control.EditLead(edit);
            return new CreatedId(edit.LeadId);
        }));
        sim.MapPost("/rep/edit-contact", context => HandleAsync<EditContact>(context, edit =>
        {
            control.EditContact(edit);
            return new CreatedId(edit.ContactId);
        }));
        sim.MapPost("/rep/edit-company", context => HandleAsync<EditCompany>(context, edit =>
        {
            control.EditCompany(edit);
            return new CreatedId(edit.CompanyId);
        }));
        sim.MapPost("/rep/delete-lead", context => HandleAsync<DeleteLead>(context, delete =>
        {
            control.DeleteLead(delete.LeadId);
            return new CreatedId(delete.LeadId);
        }));

        sim.MapPost("/rep/write-note", context => HandleAsync<WriteNote>(context, note => new CreatedId(control.WriteNote(note))));

        sim.MapGet("/leads/{id:long}", GetLeadAsync);
        sim.MapGet("/notes", context => WriteAsync(context, control.GetNotes()));
        sim.MapGet("/tasks", context => WriteAsync(context, control.GetTasks()));
        sim.MapGet("/files", context => WriteAsync(context, control.GetFiles()));
        sim.MapGet("/files/{uuid:guid}/content", GetFileContentAsync);

        sim.MapGet("/calls", context => WriteAsync(context, control.Calls));
        sim.MapDelete("/calls", context => RunAsync(context, control.ResetCalls));

        sim.MapGet("/webhooks", context => WriteAsync(context, control.Webhooks));
        sim.MapPost("/webhooks/enable", context => HandleAsync<WebhookDestination>(context, hook =>
        {
            control.EnableWebhook(hook.Destination);
            return control.Webhooks;
        }));
        sim.MapPost("/webhooks/disable", context => HandleAsync<WebhookDestination>(context, hook =>
        {
            control.DisableWebhook(hook.Destination);
            return control.Webhooks;
        }));
        sim.MapGet("/webhooks/emitted", context => WriteAsync(context, control.EmittedWebhooks));
        sim.MapGet("/webhooks/attempts", context => WriteAsync(context, control.WebhookAttempts));
        sim.MapGet("/webhooks/pending", context => WriteAsync(context, new PendingWebhooks(control.PendingWebhooks)));

        sim.MapGet("/oauth", context => WriteAsync(context, control.OAuth));
        sim.MapPost("/oauth/authorization-codes", context => WriteAsync(context, control.IssueAuthorizationCode()));
        sim.MapPut("/oauth/redirect-uri", context => HandleAsync<IntegrationRedirect>(context, redirect =>
        {
            control.SetRedirectUri(redirect.RedirectUri);
            return redirect;
        }));
        sim.MapPost("/integrations", context => WriteAsync(context, control.AddIntegration()));

        sim.MapGet("/block", context => WriteAsync(context, control.Block));
        sim.MapPost("/block", context => RunAsync(context, control.BlockAccount));
        sim.MapDelete("/block", context => RunAsync(context, control.Unblock));
        sim.MapPost("/unblock", context => RunAsync(context, control.Unblock));

        sim.MapGet("/faults", context => WriteAsync(context, control.Faults));
        sim.MapPut("/faults", context => HandleAsync<FaultProfile>(context, profile =>
        {
            control.SetFaults(profile);
            return control.Faults;
        }));
        sim.MapDelete("/faults", context => RunAsync(context, control.ClearFaults));
    }

    private Task GetLeadAsync(HttpContext context)
    {
        var id = Api.KommoApiContext.RouteId(context);
        var lead = control.GetLead(id);
        return lead is null
            ? WriteAsync(context, new ControlError($"Lead {id} does not exist."), StatusCodes.Status404NotFound)
            : WriteAsync(context, lead);
    }

    private async Task GetFileContentAsync(HttpContext context)
    {
        var uuid = Guid.Parse((string)context.Request.RouteValues["uuid"]!);
        var content = control.GetFileContent(uuid);
        if (content is null)
        {
            await WriteAsync(context, new ControlError($"File {uuid} does not exist."), StatusCodes.Status404NotFound);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static async Task HandleAsync<TRequest>(HttpContext context, Func<TRequest, object> handle)
    {
        object result;
        try
        {
            var request = await JsonSerializer.DeserializeAsync<TRequest>(context.Request.Body, KommoControlJson.Options, context.RequestAborted)
                ?? throw new JsonException("The body is empty.");
            result = handle(request);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or KeyNotFoundException)
        {
            await WriteAsync(context, new ControlError(ex.Message), StatusCodes.Status400BadRequest);
            return;
        }

        await WriteAsync(context, result);
    }

    private static Task RunAsync(HttpContext context, Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException ex)
        {
            return WriteAsync(context, new ControlError(ex.Message), StatusCodes.Status400BadRequest);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task WriteAsync<T>(HttpContext context, T value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, value?.GetType() ?? typeof(T), KommoControlJson.Options, context.RequestAborted);
    }
}
