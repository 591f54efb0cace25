using ContractBridge.Configuration;
using ContractBridge.Flows.Writeback;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Cli.Check;

/// <summary>
/// The writeback side of `check`: every field a <c>Writeback</c> setting names exists on Kommo's leads (by id or code)
/// with a type that can hold its fact; a select or radiobutton field's options are listed, and a state whose label
/// matches none of them is a warning (the field is left as it is in that state). Nothing configured, nothing checked.
/// </summary>
public sealed class WritebackFieldChecks(KommoClient kommo, BridgeOptions options)
{
    private const string Area = "Kommo";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var configured = options.Writeback.Fields.ToList();
        if (configured.Count == 0)
        {
            return [];
        }

        IReadOnlyList<KommoCustomField> definitions;
        try
        {
            definitions = await kommo.GetLeadCustomFieldsAsync(cancellationToken);
        }
        catch (UpstreamException ex)
        {
            return [.. configured.Select(f => CheckResult.Fail(Area, $"{f.Setting} '{f.Reference}'", $"the leads' custom fields could not be read: {ex.Message}"))];
        }

        var fields = new WritebackFields(definitions, TimeZoneInfo.Utc);
        return [.. configured.Select(f => Check(f.Fact, f.Setting, f.Reference, fields, definitions))];
    }

    private CheckResult Check(WritebackFact fact, string setting, string reference, WritebackFields fields, IReadOnlyList<KommoCustomField> definitions)
    {
        var check = $"{setting} '{reference}'";
        if (fields.Find(reference) is not { } field)
        {
            return CheckResult.Fail(Area, check, $"no lead custom field with this id or code; the leads have {Describe(definitions)}");
        }

        if (!KommoFieldTypes.Accepts(fact, field.Type))
        {
            return CheckResult.Fail(Area, check, $"{WritebackValues.Describe(field)}: a {field.Type} field cannot hold it; use a {string.Join(", ", KommoFieldTypes.For(fact))} field");
        }

        if (fact != WritebackFact.ContractState || !KommoFieldTypes.IsChoice(field.Type))
        {
            return CheckResult.Pass(Area, check, WritebackValues.Describe(field));
        }

        var writeback = options.Writeback;
        var listed = $"options: {string.Join(", ", (field.Enums ?? []).Select(e => $"'{e.Value}'"))}";
        var unmatched = WritebackOptions.States
            .Where(state => WritebackValues.Choice(fact, writeback.LabelOf(state), field).Value is null)
            .Select(state => $"{state} → '{writeback.LabelOf(state)}'")
            .ToList();
        return unmatched.Count == 0
            ? CheckResult.Pass(Area, check, $"{WritebackValues.Describe(field)}; {listed}")
            : CheckResult.Warn(Area, check, $"{WritebackValues.Describe(field)}; {listed}; no option for {string.Join(", ", unmatched)}: the field is left as it is in those states (add the options, or set Writeback:StateLabels:<State>)");
    }

    private static string Describe(IReadOnlyList<KommoCustomField> definitions) => definitions.Count == 0
        ? "no custom fields"
        : string.Join(", ", definitions.Select(d => $"{WritebackValues.Describe(d)}{(d.Code is null ? string.Empty : $" code {d.Code}")}"));
}
