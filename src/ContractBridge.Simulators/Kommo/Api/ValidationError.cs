namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>One entry of Kommo's <c>validation-errors[].errors[]</c>: a code, the field's dotted path, and a detail.</summary>
internal sealed record ValidationError(string Code, string Path, string Detail)
{
    public static ValidationError NotSupportedChoice(string path, string detail = "The value you selected is not a valid choice.") =>
        new("NotSupportedChoice", path, detail);

    public static ValidationError InvalidType(string path, string expected) =>
        new("InvalidType", path, $"This value should be of type {expected}.");

    public static ValidationError FieldMissing(string path) => new("FieldMissing", path, "This field is missing.");

    public static ValidationError NotBlank(string path) => new("NotBlank", path, "This value should not be blank.");
}
