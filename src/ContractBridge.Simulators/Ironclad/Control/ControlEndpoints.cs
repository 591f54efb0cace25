using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>
/// <see cref="IroncladControl"/> over HTTP under <c>/_sim/</c>: no auth, never counted, limited or faulted. Errors are
/// <c>{"message"}</c> (plus Ironclad's <c>code</c> for lifecycle refusals) with 400, 404 or 409.
/// </summary>
public static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IroncladControl control)
    {
        var sim = routes.MapGroup("/_sim").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (IroncladApiException ex)
            {
                return Results.Json(new { message = ex.Error.Message, code = ex.Error.Code }, ControlJson.Options, statusCode: ex.StatusCode);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                return Results.Json(new { message = ex.Message }, ControlJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }
        });

        sim.MapGet("/state", () => Ok(control.Report()));
        sim.MapPost("/reset", () =>
        {
            control.Reset();
            return Results.NoContent();
        });

        sim.MapGet("/templates", () => Ok(control.Templates));
        sim.MapPut("/templates", async (HttpRequest request) => Ok(control.ReplaceTemplates(await ReadAsync<List<TemplateDefinition>>(request))));
        sim.MapPost("/templates", async (HttpRequest request) => Ok(control.PublishTemplate(await ReadAsync<TemplateDefinition>(request))));
        sim.MapPost("/templates/reset", () => Ok(control.ResetTemplates()));
        sim.MapPost("/templates/{idOrName}/republish", (string idOrName) => Ok(control.RepublishTemplate(idOrName)));

        sim.MapGet("/users", () => Ok(control.Users));
        sim.MapPut("/users", async (HttpRequest request) =>
        {
            control.ReplaceUsers(await ReadAsync<List<IroncladUser>>(request));
            return Ok(control.Users);
        });

        sim.MapGet("/workflows", () => Ok(control.Workflows()));
        sim.MapGet("/workflows/{id}", (string id) => control.Workflow(id) is { } workflow
            ? Ok(workflow)
            : throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        sim.MapPost("/workflows/{id}/advance", async (HttpRequest request, string id) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var advance = string.IsNullOrWhiteSpace(text)
                ? new AdvanceRequest()
                : JsonSerializer.Deserialize<AdvanceRequest>(text, ControlJson.Options) ?? new AdvanceRequest();
            return Ok(advance.To is { } to ? control.AdvanceTo(id, to) : control.Advance(id));
        });
        sim.MapPost("/workflows/{id}/cancel", (string id) => Ok(control.Cancel(id)));
        sim.MapPost("/workflows/{id}/pause", (string id) => Ok(control.Pause(id)));
        sim.MapPost("/workflows/{id}/resume", (string id) => Ok(control.Resume(id)));
        sim.MapPost("/workflows/{id}/revert-to-review", (string id) => Ok(control.RevertToReview(id)));
        sim.MapPost("/workflows/{id}/signers/{roleName}/sign", (string id, string roleName) => Ok(control.Sign(id, roleName)));
        sim.MapPost("/workflows/{id}/documents", async (HttpRequest request, string id) =>
        {
            var document = await ReadAsync<AddDocumentRequest>(request);
            return Ok(control.AddDocument(id, document.Filename, document.SignaturePacket));
        });
        sim.MapGet("/workflows/{id}/comments", (string id) => control.Comments(id) is { } comments
            ? Ok(comments)
            : throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        sim.MapPost("/workflows/{id}/comments", async (HttpRequest request, string id) =>
            Ok(control.PostComment(id, await ReadAsync<ControlCommentRequest>(request))));
        sim.MapGet("/workflows/{id}/approvals", (string id) => control.Approvals(id) is { } approvals
            ? Ok(approvals)
            : throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        sim.MapPost("/workflows/{id}/approvals", async (HttpRequest request, string id) =>
            Ok(control.RequestApproval(id, await ReadAsync<ControlApprovalRequest>(request))));
        sim.MapPost("/workflows/{id}/approvals/{role}", async (HttpRequest request, string id, string role) =>
            Ok(control.SetApproval(id, role, await ReadAsync<ControlApprovalStatus>(request))));
        sim.MapGet("/workflows/{id}/turns", (string id) => control.Turns(id) is { } turns
            ? Ok(turns)
            : throw IroncladApiException.NotFound("workflow does not exist", "workflowId"));
        sim.MapPost("/workflows/{id}/turn", async (HttpRequest request, string id) =>
            Ok(control.PassTurn(id, await ReadAsync<ControlTurnRequest>(request))));
        sim.MapPost("/workflows/{id}/events", async (HttpRequest request, string id) =>
        {
            var emit = await ReadAsync<EmitEventRequest>(request);
            return Ok(control.EmitEvent(id, emit.Event, emit.Payload));
        });

        sim.MapGet("/records", () => Ok(control.Records()));
        sim.MapGet("/records/{id}", (string id) => control.Record(id) is { } record
            ? Ok(record)
            : throw IroncladApiException.NotFound("record does not exist", "id"));
        sim.MapPut("/records/{id}/expiration-date", async (HttpRequest request, string id) =>
            Ok(control.SetRecordExpiration(id, (await ReadAsync<RecordExpirationRequest>(request)).ExpirationDate)));
        sim.MapPut("/records/{id}/contract-status", async (HttpRequest request, string id) =>
            Ok(control.SetRecordStatus(id, await ReadAsync<RecordContractStatus>(request))));
        sim.MapPost("/records/{id}/events", async (HttpRequest request, string id) =>
            Ok(control.EmitRecordEvent(id, (await ReadAsync<EmitEventRequest>(request)).Event)));

        sim.MapGet("/signing-key", () => Results.Text(control.VerificationKeyPem, "text/plain"));
        sim.MapPost("/signing-key/rotate", () => Ok(new JsonObject { ["publicKeyPem"] = control.RotateSigningKey() }));

        sim.MapGet("/faults", () => Ok(control.Faults));
        sim.MapPut("/faults", async (HttpRequest request) =>
        {
            control.SetFaults(await ReadAsync<FaultProfile>(request));
            return Ok(control.Faults);
        });
        sim.MapDelete("/faults", () =>
        {
            control.ClearFaults();
            return Ok(control.Faults);
        });

        sim.MapGet("/webhooks", () => Ok(control.Webhooks()));
        sim.MapGet("/webhook-attempts", () => Ok(control.WebhookAttempts()));
        sim.MapGet("/calls", () => Ok(control.Calls()));
        sim.MapDelete("/calls", () =>
        {
            control.ResetCalls();
            return Results.NoContent();
        });
        sim.MapPost("/oauth/revoke", () =>
        {
            control.RevokeTokens();
            return Results.NoContent();
        });
    }

    private static IResult Ok<T>(T value) => Results.Json(value, ControlJson.Options);

    private static async Task<T> ReadAsync<T>(HttpRequest request) =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, ControlJson.Options, request.HttpContext.RequestAborted)
        ?? throw new JsonException("the body must not be null");
}
