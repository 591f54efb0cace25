using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Flows.Jobs;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// One deal's writeback as one item of a lead PATCH: each fact the request carries, in the field its setting names,
/// converted for that field's type (<see cref="WritebackValues"/>); and, with a state, that state's tags added and the
/// other states' tags removed, so the deal's tags follow its contract and the rep's own tags stay. A fact that cannot
/// be written (no such field, a type that cannot hold it) is left out and named in <see cref="Problems"/>; a state a
/// choice field has no option for leaves that field alone, named in <see cref="LeftAlone"/>; the rest is written.
/// </summary>
public sealed record WritebackItem(
    long LeadId,
    KommoLeadUpdate? Update,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> LeftAlone,
    IReadOnlyList<string> FieldSettings,
    bool MissedAField)
{
    public static WritebackItem Build(WritebackRequest request, WritebackOptions options, WritebackFields fields, string requestId)
    {
        var values = new List<KommoFieldValuesUpdate>();
        var settings = new List<string>();
        var problems = new List<string>();
        var leftAlone = new List<string>();
        var missed = false;
        foreach (var (fact, setting, reference) in options.Fields)
        {
            if (!Carries(request, fact))
            {
                continue;
            }

            if (fields.Find(reference) is not { } field)
            {
                problems.Add($"{setting} names the field '{reference}', which Kommo's leads do not have (by id or code)");
                missed = true;
                continue;
            }

            var converted = Convert(request, fact, options, field, fields.Zone);
            if (converted.Value is { } value)
            {
                values.Add(new KommoFieldValuesUpdate(field.Id, [value]));
                settings.Add(string.Create(CultureInfo.InvariantCulture, $"{setting} (field {field.Id})"));
            }
            else
            {
                (converted.LeftAlone ? leftAlone : problems).Add($"{setting}: {converted.Problem}");
            }
        }

        var (add, delete) = request.State is { } state ? TagsFor(state, options) : ([], []);
        var update = values.Count == 0 && add.Count == 0 && delete.Count == 0
            ? null
            : new KommoLeadUpdate(
                request.LeadId,
                StatusId: null,
                PipelineId: null,
                RequestId: requestId,
                CustomFieldsValues: values.Count == 0 ? null : values,
                TagsToAdd: add.Count == 0 ? null : add,
                TagsToDelete: delete.Count == 0 ? null : delete);
        return new WritebackItem(request.LeadId, update, problems, leftAlone, settings, missed);
    }

    /// <summary>Kommo's reasons, each field's path followed by the setting that named it ("custom_fields_values.1…" → Writeback:ContractState).</summary>
    public string Describe(RefusedBatchItem refusal) => string.Join("; ", refusal.Errors.Select(e =>
    {
        var parts = e.Path.Split('.');
        var named = parts.Length > 1 && parts[0] == "custom_fields_values" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < FieldSettings.Count
            ? $" [{FieldSettings[index]}]"
            : string.Empty;
        return e.Describe() + named;
    }));

    private static bool Carries(WritebackRequest request, WritebackFact fact) => fact switch
    {
        WritebackFact.ContractNumber => request.ContractNumber is not null,
        WritebackFact.ContractUrl => request.ContractUrl is not null,
        WritebackFact.ContractState => request.State is not null,
        WritebackFact.SignedDate => request.SignedAt is not null,
        _ => request.ExpirationDate is not null,
    };

    private static WritebackValue Convert(WritebackRequest request, WritebackFact fact, WritebackOptions options, KommoCustomField field, TimeZoneInfo zone) => fact switch
    {
        WritebackFact.ContractNumber => WritebackValues.Text(fact, request.ContractNumber!, field),
        WritebackFact.ContractUrl => WritebackValues.Text(fact, request.ContractUrl!, field),
        WritebackFact.ContractState => WritebackValues.Choice(fact, options.LabelOf(request.State!.Value), field),
        WritebackFact.SignedDate => WritebackValues.Moment(fact, request.SignedAt!.Value, field, zone),
        _ => WritebackValues.Day(fact, request.ExpirationDate!.Value, field, zone),
    };

    private static (List<KommoTagName> Add, List<KommoTagName> Delete) TagsFor(Contracts.ContractState state, WritebackOptions options)
    {
        var add = options.TagsOf(state);
        var others = WritebackOptions.States.Where(s => s != state).SelectMany(options.TagsOf)
            .Where(t => !add.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return ([.. add.Select(t => new KommoTagName(t))], [.. others.Select(t => new KommoTagName(t))]);
    }
}
