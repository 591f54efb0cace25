using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Parses Ironclad's <c>filter</c> formula (e.g. <c>Equals([kommoLeadId], '42')</c>) into a predicate on a workflow's
/// attributes. Supported: Equals, NotEqual, Contains, IsEmpty, IsNotEmpty, LessThan, LessThanOrEqual, GreaterThan,
/// GreaterThanOrEqual, And, Or, Date('…'), Today(); operands are <c>[attributeId]</c>, <c>'text'</c> (quote escaped as
/// <c>\'</c> or <c>''</c>), numbers, true and false. Anything else is a <see cref="FormatException"/> naming the position.
/// One recursive-descent parser over 300 lines: its grammar is one piece, and splitting it would scatter the positions.
/// </summary>
public sealed class FilterFormulaParser
{
    private readonly string _text;
    private readonly DateTimeOffset _today;
    private int _position;

    private FilterFormulaParser(string text, DateTimeOffset today)
    {
        _text = text;
        _today = today;
    }

    public static Func<JsonObject, bool> Parse(string formula, DateTimeOffset today)
    {
        var parser = new FilterFormulaParser(formula, today);
        var (evaluate, isCondition) = parser.ParseOperand();
        parser.SkipSpace();
        if (parser._position != formula.Length)
        {
            throw parser.Error("unexpected text after the formula");
        }

        return isCondition ? attributes => evaluate(attributes) is true : throw new FormatException("the formula must be a condition such as Equals([attribute], 'value')");
    }

    private (Func<JsonObject, object?> Evaluate, bool IsCondition) ParseOperand()
    {
        SkipSpace();
        if (_position >= _text.Length)
        {
            throw Error("expected a value");
        }

        var c = _text[_position];
        if (c == '[')
        {
            var id = ReadUntil(']');
            return (attributes => ValueOf(attributes[id]), false);
        }

        if (c == '\'')
        {
            var literal = ReadString();
            return (_ => literal, false);
        }

        if (char.IsDigit(c) || c == '-' || c == '.')
        {
            var number = ReadNumber();
            return (_ => number, false);
        }

        if (char.IsLetter(c))
        {
            return ParseFunction();
        }

        throw Error($"unexpected '{c}'");
    }

    private (Func<JsonObject, object?> Evaluate, bool IsCondition) ParseFunction()
    {
        var start = _position;
        while (_position < _text.Length && char.IsLetter(_text[_position]))
        {
            _position++;
        }

        var name = _text[start.._position];
        SkipSpace();
        if (name is "true" or "false" && (_position >= _text.Length || _text[_position] != '('))
        {
            var flag = name == "true";
            return (_ => flag, false);
        }

        Expect('(');
        var args = new List<(Func<JsonObject, object?> Evaluate, bool IsCondition)>();
        SkipSpace();
        if (_position < _text.Length && _text[_position] == ')')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                args.Add(ParseOperand());
                SkipSpace();
                if (_position < _text.Length && _text[_position] == ',')
                {
                    _position++;
                    continue;
                }

                Expect(')');
                break;
            }
        }

        return Build(name, args, start);
    }

    private (Func<JsonObject, object?> Evaluate, bool IsCondition) Build(string name, List<(Func<JsonObject, object?> Evaluate, bool IsCondition)> args, int at)
    {
        void Arity(int count)
        {
            if (args.Count != count)
            {
                throw new FormatException($"{name} takes {count} argument(s), at position {at}");
            }
        }

        switch (name)
        {
            case "Equals" or "NotEqual" or "Contains" or "LessThan" or "LessThanOrEqual" or "GreaterThan" or "GreaterThanOrEqual":
                Arity(2);
                var (left, right) = (args[0].Evaluate, args[1].Evaluate);
                return (attributes => Compare(name, left(attributes), right(attributes)), true);
            case "IsEmpty" or "IsNotEmpty":
                Arity(1);
                var operand = args[0].Evaluate;
                return (attributes => IsEmpty(operand(attributes)) == (name == "IsEmpty"), true);
            case "And" or "Or":
                if (args.Count < 2 || args.Exists(a => !a.IsCondition))
                {
                    throw new FormatException($"{name} takes two or more conditions, at position {at}");
                }

                var conditions = args.Select(a => a.Evaluate).ToList();
                return name == "And"
                    ? (attributes => conditions.TrueForAll(c => c(attributes) is true), true)
                    : (attributes => conditions.Exists(c => c(attributes) is true), true);
            case "Date":
                Arity(1);
                var text = args[0].Evaluate(new JsonObject()) as string;
                if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    throw new FormatException($"Date takes a date string such as '2024-01-31', at position {at}");
                }

                return (_ => date, false);
            case "Today":
                Arity(0);
                var today = new DateTimeOffset(_today.UtcDateTime.Date, TimeSpan.Zero);
                return (_ => today, false);
            default:
                throw new FormatException($"unknown function {name} at position {at}");
        }
    }

    private static object? ValueOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => JsonNumbers.ToDouble(value),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        JsonObject obj when obj["amount"] is JsonValue amount => JsonNumbers.ToDouble(amount),
        JsonArray array => array.Count == 0 ? null : array.ToJsonString(),
        _ => node.ToJsonString(),
    };

    private static bool IsEmpty(object? value) => value is null || value is string { Length: 0 };

    private static bool Compare(string operation, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return operation == "NotEqual" && !(left is null && right is null);
        }

        if (operation == "Contains")
        {
            return Text(left).Contains(Text(right), StringComparison.OrdinalIgnoreCase);
        }

        var order = Order(left, right);
        return operation switch
        {
            "Equals" => order == 0,
            "NotEqual" => order != 0,
            "LessThan" => order < 0,
            "LessThanOrEqual" => order <= 0,
            "GreaterThan" => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>Numbers compare as numbers, dates as dates, everything else as text (Ironclad's values are loosely typed).</summary>
    private static int Order(object left, object right)
    {
        if (AsNumber(left) is { } a && AsNumber(right) is { } b && (left is double || right is double))
        {
            return a.CompareTo(b);
        }

        if ((left is DateTimeOffset || right is DateTimeOffset) && AsDate(left) is { } x && AsDate(right) is { } y)
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(Text(left), Text(right));
    }

    private static double? AsNumber(object value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static DateTimeOffset? AsDate(object value) => value switch
    {
        DateTimeOffset d => d,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d,
        _ => null,
    };

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => Model.WireNames.Timestamp(d),
        _ => value.ToString() ?? "",
    };

    private string ReadUntil(char end)
    {
        var close = _text.IndexOf(end, _position + 1);
        if (close < 0)
        {
            throw Error($"missing '{end}'");
        }

        var content = _text[(_position + 1)..close];
        if (content.Length == 0)
        {
            throw Error("empty attribute id");
        }

        _position = close + 1;
        return content;
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        var start = _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                builder.Append(_text[_position++]);
            }
            else if (c == '\'' && _position < _text.Length && _text[_position] == '\'')
            {
                builder.Append('\'');
                _position++;
            }
            else if (c == '\'')
            {
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        _position = start;
        throw Error("unterminated string");
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '-' or '.' or 'e' or 'E' or '+'))
        {
            _position++;
        }

        return double.TryParse(_text[start.._position], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"invalid number at position {start}");
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (_position >= _text.Length || _text[_position] != c)
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string message) => new($"{message} at position {_position}");
}
