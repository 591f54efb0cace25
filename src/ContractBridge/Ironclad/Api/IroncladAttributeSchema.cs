using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractBridge.Ironclad.Api;

/// <summary>
/// One launch-form attribute of a workflow schema: its type (string, number, boolean, date, email, monetaryAmount,
/// address, duration, array, document, ...), and whether it is required ("always", "never", "conditional"; older
/// answers use a boolean). A workflow's schema also says whether an attribute is <see cref="ReadOnly"/>.
/// </summary>
public sealed record IroncladAttributeSchema(
    string Type,
    string? DisplayName,
    [property: JsonConverter(typeof(IroncladAttributeSchema.RequiredFlagConverter))] string? Required,
    IroncladAttributeSchema? ElementType,
    bool ReadOnly = false)
{
    /// <summary>A document, or a list of them: the attribute PATCH never takes these.</summary>
    public bool IsDocument => string.Equals(Type, "document", StringComparison.OrdinalIgnoreCase)
        || string.Equals(ElementType?.Type, "document", StringComparison.OrdinalIgnoreCase);

    /// <summary>Only "always" is certain; conditional attributes depend on answers we cannot see.</summary>
    public bool IsRequired => string.Equals(Required, "always", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads "always"/"never"/"conditional" and the boolean form as "always"/"never".</summary>
    public sealed class RequiredFlagConverter : JsonConverter<string?>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => "always",
            JsonTokenType.False => "never",
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException("'required' must be a string or a boolean."),
        };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
