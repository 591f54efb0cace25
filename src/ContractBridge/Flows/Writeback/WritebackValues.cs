using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Configuration;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// A contract fact in the form a field of its type holds, as Kommo stores it: text as text; the contract number in a
/// numeric field as its last run of digits (IC-123 → 123; a number without digits cannot be written there); a choice
/// (select, radiobutton) as the option whose label is the state's label, exactly or else ignoring case (no such option:
/// the field is left as it is, so a field may offer only the states it cares for); date as unix
/// seconds of midnight of the day in the account's time zone; date_time as unix seconds of the moment (a day alone:
/// its midnight there); a date in a text field as yyyy-MM-dd.
/// </summary>
public static class WritebackValues
{
    /// <summary>Kommo's numeric field is a floating-point number: 15 digits stay exact.</summary>
    private const int MaxDigits = 15;

    public static WritebackValue Text(WritebackFact fact, string text, KommoCustomField field)
    {
        switch (field.Type)
        {
            case KommoFieldTypes.Numeric when fact == WritebackFact.ContractNumber:
                return LastDigits(text) switch
                {
                    null => WritebackValue.Refused($"'{text}' has no digits for the numeric field {Describe(field)}"),
                    { Length: > MaxDigits } => WritebackValue.Refused($"'{text}' has more digits than the numeric field {Describe(field)} keeps exactly"),
                    var digits => WritebackValue.Of(new KommoNewFieldValue(JsonValue.Create(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)))),
                };
            case var type when KommoFieldTypes.Accepts(fact, type) && !KommoFieldTypes.IsChoice(type):
                return WritebackValue.Of(new KommoNewFieldValue(JsonValue.Create(text)));
            default:
                return Incompatible(fact, field);
        }
    }

    public static WritebackValue Choice(WritebackFact fact, string label, KommoCustomField field)
    {
        if (!KommoFieldTypes.IsChoice(field.Type))
        {
            return Text(fact, label, field);
        }

        var options = field.Enums ?? [];
        var option = options.FirstOrDefault(e => string.Equals(e.Value, label, StringComparison.Ordinal))
            ?? options.FirstOrDefault(e => string.Equals(e.Value, label, StringComparison.OrdinalIgnoreCase));
        return option is null
            ? WritebackValue.Unchanged($"{Describe(field)} has no option '{label}' (options: {string.Join(", ", options.Select(e => $"'{e.Value}'"))}); add it or set Writeback:StateLabels")
            : WritebackValue.Of(new KommoNewFieldValue(EnumId: option.Id));
    }

    public static WritebackValue Moment(WritebackFact fact, DateTimeOffset moment, KommoCustomField field, TimeZoneInfo zone) => field.Type switch
    {
        KommoFieldTypes.DateTime => Seconds(moment),
        KommoFieldTypes.Date => Seconds(Midnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime), zone)),
        _ => Day(fact, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime), field, zone),
    };

    public static WritebackValue Day(WritebackFact fact, DateOnly day, KommoCustomField field, TimeZoneInfo zone) => field.Type switch
    {
        KommoFieldTypes.Date or KommoFieldTypes.DateTime => Seconds(Midnight(day, zone)),
        KommoFieldTypes.Text or KommoFieldTypes.Textarea => WritebackValue.Of(new KommoNewFieldValue(JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
        _ => Incompatible(fact, field),
    };

    /// <summary>Midnight starting <paramref name="day"/> in <paramref name="zone"/>, as Kommo keeps a date field.</summary>
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Describe(KommoCustomField field) =>
        string.Create(CultureInfo.InvariantCulture, $"'{field.Name}' ({field.Id}, {field.Type})");

    private static WritebackValue Seconds(DateTimeOffset moment) => WritebackValue.Of(new KommoNewFieldValue(JsonValue.Create(moment.ToUnixTimeSeconds())));

    private static WritebackValue Incompatible(WritebackFact fact, KommoCustomField field) =>
        WritebackValue.Refused($"{Describe(field)} cannot hold the {Words(fact)}: use a {string.Join(", ", KommoFieldTypes.For(fact))} field");

    private static string Words(WritebackFact fact) => fact switch
    {
        WritebackFact.ContractNumber => "contract number",
        WritebackFact.ContractUrl => "contract link",
        WritebackFact.ContractState => "contract state",
        WritebackFact.SignedDate => "signed date",
        _ => "expiration date",
    };

    private static string? LastDigits(string text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsAsciiDigit(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }

        return end == start ? null : text[start..end];
    }
}
