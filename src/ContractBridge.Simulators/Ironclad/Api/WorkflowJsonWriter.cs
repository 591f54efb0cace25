using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A workflow as Ironclad answers it (LaunchedWorkflow / WorkflowResponseModel in the OpenAPI description). Call under
/// the state lock: the workflow is mutable.
/// </summary>
public static class WorkflowJsonWriter
{
    public const string ApiPrefix = "/public/api/v1";

    public static JsonObject Write(Workflow workflow, Uri baseUrl)
    {
        var api = baseUrl.GetLeftPart(UriPartial.Authority) + ApiPrefix;
        var attributes = (JsonObject)workflow.Attributes.DeepClone();
        attributes["draft"] = new JsonArray(WriteDocument(workflow, workflow.MainDocument));
        return new JsonObject
        {
            ["id"] = workflow.Id,
            ["ironcladId"] = workflow.IroncladId,
            ["title"] = workflow.Title,
            ["template"] = workflow.Template.Id,
            ["step"] = WireNames.Step(workflow.Stage),
            ["schema"] = WriteSchema(workflow.Template),
            ["attributes"] = attributes,
            ["isCancelled"] = workflow.Status == WorkflowStatus.Cancelled,
            ["isComplete"] = workflow.Status == WorkflowStatus.Completed,
            ["status"] = WireNames.Status(workflow.Status),
            ["creator"] = new JsonObject
            {
                ["id"] = workflow.Creator.Id,
                ["displayName"] = workflow.Creator.DisplayName,
                ["email"] = workflow.Creator.Email,
                ["title"] = workflow.Creator.Title,
                ["username"] = workflow.Creator.Email,
                ["metadata"] = new JsonObject(),
            },
            ["created"] = WireNames.Timestamp(workflow.Created),
            ["lastUpdated"] = WireNames.Timestamp(workflow.LastUpdated),
            ["roles"] = new JsonArray(new JsonObject
            {
                ["id"] = "owner",
                ["displayName"] = "Owner",
                ["assignees"] = new JsonArray(new JsonObject
                {
                    ["userName"] = workflow.Creator.DisplayName,
                    ["userId"] = workflow.Creator.Id,
                    ["email"] = workflow.Creator.Email,
                }),
            }),
            ["approvals"] = WriteApprovals(workflow, api),
            ["signatures"] = WriteSignatures(workflow, api),
            ["recordIds"] = new JsonArray([.. workflow.RecordIds.Select(id => (JsonNode)JsonValue.Create(id))]),
            ["isRevertibleToReview"] = workflow.IsRevertibleToReview,
        };
    }

    /// <summary>One entry of <c>signaturePacketDocuments</c> or <c>excludedFromSignaturePacketDocuments</c> (WorkflowDocumentModel).</summary>
    public static JsonObject WriteDocument(Workflow workflow, WorkflowDocument document)
    {
        var version = document.Current;
        return new JsonObject
        {
            ["version"] = version.VersionId,
            ["versionNumber"] = version.Number,
            ["filename"] = document.Filename,
            ["key"] = document.Key,
            ["download"] = $"{ApiPrefix}/workflows/{workflow.Id}/document/{document.Key}/download",
            ["lastModified"] = new JsonObject { ["timestamp"] = WireNames.Timestamp(version.At) },
        };
    }

    /// <summary>The launch form as <c>GET /workflow-schemas</c> shows it: attribute id → type, name, required, default.</summary>
    public static JsonObject WriteLaunchSchema(WorkflowTemplate template)
    {
        var schema = new JsonObject();
        foreach (var attribute in template.Attributes)
        {
            var field = new JsonObject
            {
                ["type"] = attribute.Type,
                ["displayName"] = attribute.DisplayName,
                ["required"] = attribute.Required ? "always" : "never",
            };
            if (attribute.ElementType is { } elementType)
            {
                field["elementType"] = new JsonObject { ["type"] = elementType, ["displayName"] = attribute.DisplayName };
            }

            if (attribute.Options is { } options)
            {
                field["options"] = new JsonObject
                {
                    ["values"] = new JsonArray([.. options.Select(o => (JsonNode)JsonValue.Create(o))]),
                    ["freeTextAllowed"] = false,
                };
            }

            if (attribute.Default is { } value)
            {
                field["default"] = value.DeepClone();
            }

            schema[attribute.Id] = field;
        }

        return schema;
    }

    public static JsonObject WriteTemplate(WorkflowTemplate template) => new()
    {
        ["id"] = template.Id,
        ["name"] = template.Name,
        ["schema"] = WriteLaunchSchema(template),
        ["permissions"] = new JsonArray("launch", "view"),
    };

    private static JsonObject WriteSchema(WorkflowTemplate template)
    {
        var schema = new JsonObject();
        foreach (var attribute in template.Attributes)
        {
            var field = new JsonObject
            {
                ["type"] = attribute.Type,
                ["displayName"] = attribute.DisplayName,
                ["propertyKey"] = attribute.Id,
                ["readOnly"] = attribute.ReadOnly,
            };
            if (attribute.ElementType is { } elementType)
            {
                field["elementType"] = new JsonObject { ["type"] = elementType, ["displayName"] = attribute.DisplayName };
            }

            schema[attribute.Id] = field;
        }

        schema["draft"] = new JsonObject
        {
            ["type"] = AttributeTypes.Array,
            ["elementType"] = new JsonObject { ["type"] = AttributeTypes.Document, ["displayName"] = "Draft" },
        };
        return schema;
    }

    private static JsonObject WriteApprovals(Workflow workflow, string api) => workflow switch
    {
        { Status: WorkflowStatus.Cancelled } => NotApplicable("This workflow has been cancelled"),
        { Stage: WorkflowStage.Review } => new JsonObject
        {
            ["state"] = "in_progress",
            ["url"] = $"{api}/workflows/{workflow.Id}/approvals",
        },
        _ => new JsonObject { ["state"] = "completed" },
    };

    private static JsonObject WriteSignatures(Workflow workflow, string api) => workflow switch
    {
        { Status: WorkflowStatus.Cancelled } => NotApplicable("This workflow has been cancelled"),
        { Stage: WorkflowStage.Review } => new JsonObject { ["state"] = "not_started" },
        { Stage: WorkflowStage.Sign } => new JsonObject
        {
            ["state"] = "in_progress",
            ["url"] = $"{api}/workflows/{workflow.Id}/signatures",
        },
        _ => new JsonObject { ["state"] = "completed" },
    };

    private static JsonObject NotApplicable(string message) => new() { ["state"] = "not_applicable", ["message"] = message };
}
