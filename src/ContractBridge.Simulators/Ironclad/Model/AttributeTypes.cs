namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>The attribute types Ironclad's launch form knows, as they are spelled on the wire.</summary>
public static class AttributeTypes
{
    public const string String = "string";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string Email = "email";
    public const string MonetaryAmount = "monetaryAmount";
    public const string Address = "address";
    public const string Duration = "duration";
    public const string Array = "array";
    public const string Document = "document";

    public static bool IsKnown(string type) => type is String or Number or Boolean or Date or Email or MonetaryAmount or Address
        or Duration or Array or Document;
}
