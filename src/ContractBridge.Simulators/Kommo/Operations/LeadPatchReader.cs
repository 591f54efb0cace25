using System.Text.Json;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Reads one item of a lead PATCH and checks it against the account: a stage must exist in the lead's (or the given)
/// pipeline, users and loss reasons must exist, numbers must be numbers, tags are read as <see cref="LeadTagsReader"/> says. Errors carry Kommo's codes and paths.
/// </summary>
internal static class LeadPatchReader
{
    public static LeadPatch Read(JsonElement item, KommoLead lead, KommoAccountData data, List<ValidationError> errors)
    {
        var name = JsonRead.String(item, "name", "name", errors);
        var price = JsonRead.Integer(item, "price", "price", errors);
        var responsible = JsonRead.Integer(item, "responsible_user_id", "responsible_user_id", errors);
        if (responsible is { } userId && !data.Users.ContainsKey(userId))
        {
            errors.Add(ValidationError.NotSupportedChoice("responsible_user_id"));
        }

        var (pipelineId, statusId) = ReadStage(item, lead, data, errors);
        var setsLossReason = item.TryGetProperty("loss_reason_id", out var lossReason);
        long? lossReasonId = null;
        if (setsLossReason && lossReason.ValueKind != JsonValueKind.Null)
        {
            lossReasonId = JsonRead.Integer(item, "loss_reason_id", "loss_reason_id", errors);
            if (lossReasonId == 0)
            {
                lossReasonId = null;
            }
            else if (lossReasonId is { } reason && !data.LossReasons.ContainsKey(reason))
            {
                errors.Add(ValidationError.NotSupportedChoice("loss_reason_id"));
            }
        }

        var customFields = item.TryGetProperty("custom_fields_values", out var values)
            ? CustomFieldValuesReader.Read(values, "custom_fields_values", "leads", data, errors)
            : [];
        var tags = LeadTagsReader.Read(item, data, errors);

        return new LeadPatch
        {
            Name = name,
            Price = price,
            ResponsibleUserId = responsible,
            PipelineId = pipelineId,
            StatusId = statusId,
            SetsLossReason = setsLossReason,
            LossReasonId = lossReasonId,
            CustomFields = customFields,
            Tags = tags,
        };
    }

    /// <summary>Resolves the target stage; 142/143 exist in every pipeline, so "status_id":142 alone wins the deal where it is.</summary>
    public static (long? PipelineId, long? StatusId) ReadStage(JsonElement item, KommoLead lead, KommoAccountData data, List<ValidationError> errors)
    {
        var pipelineId = JsonRead.Integer(item, "pipeline_id", "pipeline_id", errors);
        var statusId = JsonRead.Integer(item, "status_id", "status_id", errors);
        return ResolveStage(pipelineId, statusId, lead, data, errors);
    }

    public static (long? PipelineId, long? StatusId) ResolveStage(long? pipelineId, long? statusId, KommoLead lead, KommoAccountData data, List<ValidationError> errors)
    {
        if (pipelineId is { } requested && !data.Pipelines.ContainsKey(requested))
        {
            errors.Add(ValidationError.NotSupportedChoice("pipeline_id"));
            return (null, null);
        }

        var targetPipeline = pipelineId ?? lead.PipelineId;
        if (statusId is { } status)
        {
            if (data.FindStatus(targetPipeline, status) is null)
            {
                errors.Add(ValidationError.NotSupportedChoice("status_id"));
                return (null, null);
            }

            return (targetPipeline, status);
        }

        if (pipelineId is not null && targetPipeline != lead.PipelineId)
        {
            return (targetPipeline, data.Pipelines[targetPipeline].FirstOpenStatus.Id);
        }

        return (null, null);
    }
}
