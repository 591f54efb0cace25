using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// The attribute PATCH, with the rules of Ironclad's description: only an active workflow in Review takes it (400
/// INVALID_STATE otherwise); every path must be an attribute of the workflow (INVALID_PARAM "non-existent
/// attribute(s) specified"), not read-only ("Cannot patch read-only attribute"), not a document; a set value must
/// fit the attribute's type and a required attribute cannot be removed ("form validation failed, please check
/// schema"); updates that change nothing are refused ("No information changed"). All or nothing: one bad update
/// changes nothing. An accepted PATCH emits workflow_attribute_updated and workflow_updated.
/// </summary>
public sealed partial class IroncladState
{
    /// <summary>The workflow's document attribute (see <see cref="WorkflowJsonWriter"/>): never a template field.</summary>
    private const string DraftAttribute = "draft";

    public JsonObject UpdateAttributes(string idOrIroncladId, AttributeUpdateRequest request)
    {
        JsonObject json;
        lock (_gate)
        {
            var workflow = FindWorkflow(idOrIroncladId)
                ?? throw IroncladApiException.NotFound("workflow does not exist", "workflowId");
            if (workflow.Stage != WorkflowStage.Review || workflow.Status != WorkflowStatus.Active)
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidState(
                    $"workflow is in the {WireNames.Step(workflow.Stage)} step ({WireNames.Status(workflow.Status)}); its data can only be updated in the Review step",
                    "workflowId"));
            }

            if (request.Updates.FirstOrDefault(u => u.Path == DraftAttribute) is { } draft)
            {
                throw Refused($"document attribute {draft.Path} cannot be updated here; use the workflow document endpoints");
            }

            var missing = request.Updates.Where(u => workflow.Template.Find(u.Path) is null).Select(u => u.Path).Distinct().ToList();
            if (missing.Count > 0)
            {
                throw Refused($"non-existent attribute(s) specified: {string.Join(", ", missing)}");
            }

            var changes = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var update in request.Updates)
            {
                var attribute = workflow.Template.Find(update.Path)!;
                if (attribute.ReadOnly)
                {
                    throw Refused($"Cannot patch read-only attribute {attribute.Id}");
                }

                if (attribute.Type == AttributeTypes.Document || attribute.ElementType == AttributeTypes.Document)
                {
                    throw Refused($"document attribute {attribute.Id} cannot be updated here; use the workflow document endpoints");
                }

                changes[attribute.Id] = update.Remove ? Remove(attribute) : Set(attribute, update.Value!);
            }

            var effective = changes.Where(c => !JsonNode.DeepEquals(workflow.Attributes[c.Key], c.Value)).ToList();
            if (effective.Count == 0)
            {
                throw Refused("No information changed. The updates provided did not introduce any new values");
            }

            foreach (var (id, value) in effective)
            {
                if (value is null)
                {
                    workflow.Attributes.Remove(id);
                }
                else
                {
                    workflow.Attributes[id] = value.DeepClone();
                }
            }

            Touch(workflow);
            workflow.AttributeUpdates.Add(new AttributeUpdate(workflow.LastUpdated, effective.ToDictionary(c => c.Key, c => c.Value?.DeepClone()), request.Comment));
            Emit(workflow, WebhookEvents.WorkflowAttributeUpdated);
            Emit(workflow, WebhookEvents.WorkflowUpdated);
            json = WorkflowJson(workflow);
        }

        _emitter.Flush();
        return json;
    }

    private static JsonNode Set(TemplateAttribute attribute, JsonNode value)
    {
        try
        {
            return AttributeValidator.CheckValue(attribute, value);
        }
        catch (IroncladApiException ex)
        {
            throw Refused($"form validation failed, please check schema ({ex.Error.Message})");
        }
    }

    private static JsonNode? Remove(TemplateAttribute attribute) => attribute.Required
        ? throw Refused($"form validation failed, please check schema ({attribute.Id} is required and cannot be removed)")
        : null;

    private static IroncladApiException Refused(string message) =>
        IroncladApiException.BadRequest(IroncladError.InvalidParam(message, "attributes"));
}
