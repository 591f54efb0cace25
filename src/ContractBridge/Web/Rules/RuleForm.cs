using System.Globalization;
using ContractBridge.Configuration;

namespace ContractBridge.Web.Rules;

/// <summary>
/// The rule form's fields, read into a rule: every field is always sent by the form (an unticked box is simply absent,
/// so false), numbers must read as numbers, and a mapping row is its expression box if filled, else its field select.
/// No row filled at all means the default mapping.
/// </summary>
public static class RuleForm
{
    public const string MapPrefix = "map:";
    public const string ExpressionPrefix = "expr:";

    public sealed record Posted(ContractRule Rule, int BasedOn, bool Refresh, IReadOnlyList<string> Problems);

    /// <param name="name">The rule's name from the route when editing; null reads it from the form (a new rule).</param>
    public static Posted Read(IFormCollection form, string? name)
    {
        var problems = new List<string>();
        var rule = new ContractRule
        {
            Name = (name ?? Text(form, "name") ?? string.Empty).Trim(),
            Template = Text(form, "template") ?? string.Empty,
            Currency = Text(form, "currency"),
            ClosedWonStageId = Number(form, "closedWonStageId", problems) ?? 142,
            SyncEdits = Ticked(form, "syncEdits"),
            RelayComments = Ticked(form, "relayComments"),
            RelayApprovals = Ticked(form, "relayApprovals"),
            RelayTurns = Ticked(form, "relayTurns"),
        };
        ReadTrigger(form, rule, problems);
        rule.OnSignature.Note = Ticked(form, "signature.note");
        rule.OnSignature.Task = Ticked(form, "signature.task");
        rule.OnSignature.TaskDueDays = (int)(Number(form, "signature.taskDueDays", problems) ?? rule.OnSignature.TaskDueDays);
        rule.Nudge.RemindSigner = Ticked(form, "nudge.remindSigner");
        if (Text(form, "nudge.after") is { } after)
        {
            if (TimeSpan.TryParse(after, CultureInfo.InvariantCulture, out var span))
            {
                rule.Nudge.After = span;
            }
            else
            {
                problems.Add($"Nudge after '{after}' is not a duration such as 5.00:00:00 (five days).");
            }
        }

        rule.OnExecuted.MoveToWon = Ticked(form, "executed.moveToWon");
        rule.OnExecuted.Note = Ticked(form, "executed.note");
        rule.OnExecuted.AttachDocument = Ticked(form, "executed.attachDocument");
        rule.OnExecuted.RenewalTaskDaysBefore = (int)(Number(form, "executed.renewalTaskDaysBefore", problems) ?? rule.OnExecuted.RenewalTaskDaysBefore);
        rule.OnCancelled.Note = Ticked(form, "cancelled.note");
        rule.OnCancelled.MoveToStageId = Number(form, "cancelled.moveToStageId", problems);
        rule.OnCancelled.LossReasonId = Number(form, "cancelled.lossReasonId", problems);
        rule.OnDealLost.Comment = Ticked(form, "dealLost.comment");
        var lost = Text(form, "dealLost.action") ?? nameof(DealLostAction.None);
        if (Enum.TryParse<DealLostAction>(lost, ignoreCase: true, out var action) && Enum.IsDefined(action))
        {
            rule.OnDealLost.Action = action;
        }
        else
        {
            problems.Add($"The lost-deal action '{lost}' is none of {string.Join(", ", Enum.GetNames<DealLostAction>())}.");
        }

        rule.Mapping = ReadMapping(form);
        var basedOn = Text(form, "basedOn") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
        if (basedOn < 0)
        {
            problems.Add("The form does not say which version it was made from (basedOn): reload the page.");
        }

        return new Posted(rule, basedOn, string.Equals(Text(form, "action"), "refresh", StringComparison.Ordinal), problems);
    }

    /// <summary>The trigger select's value: "pipeline:stage", or ":stage" for the stage in any pipeline.</summary>
    public static string TriggerValue(long? pipelineId, long stageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{pipelineId}:{stageId}");

    private static void ReadTrigger(IFormCollection form, ContractRule rule, List<string> problems)
    {
        var trigger = Text(form, "trigger");
        if (trigger is null)
        {
            problems.Add("Choose the pipeline and stage that trigger the rule.");
            return;
        }

        var parts = trigger.Split(':');
        if (parts.Length == 2
            && (parts[0].Length == 0 || long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stage))
        {
            rule.PipelineId = parts[0].Length == 0 ? null : long.Parse(parts[0], CultureInfo.InvariantCulture);
            rule.StageId = stage;
            return;
        }

        problems.Add($"The trigger '{trigger}' is not a pipeline and stage of the list.");
    }

    private static Dictionary<string, string>? ReadMapping(IFormCollection form)
    {
        var attributes = form.Keys.Where(k => k.StartsWith(MapPrefix, StringComparison.Ordinal)).Select(k => k[MapPrefix.Length..])
            .Concat(form.Keys.Where(k => k.StartsWith(ExpressionPrefix, StringComparison.Ordinal)).Select(k => k[ExpressionPrefix.Length..]))
            .Distinct(StringComparer.Ordinal);
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if ((Text(form, ExpressionPrefix + attribute) ?? Text(form, MapPrefix + attribute)) is { } expression)
            {
                mapping[attribute] = expression;
            }
        }

        return mapping.Count == 0 ? null : mapping;
    }

    private static string? Text(IFormCollection form, string key) =>
        form[key].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Ticked(IFormCollection form, string key) => form.ContainsKey(key);

    private static long? Number(IFormCollection form, string key, List<string> problems)
    {
        if (Text(form, key) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add($"{key} must be a whole number (it is '{text}').");
        return null;
    }
}
