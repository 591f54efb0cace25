namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>The note types Kommo accepts on leads, and the params each one requires.</summary>
internal static class NoteTypes
{
    public const string Common = "common";
    public const string ServiceMessage = "service_message";
    public const string ExtendedServiceMessage = "extended_service_message";
    public const string Attachment = "attachment";

    private static readonly Dictionary<string, string[]> RequiredParams = new(StringComparer.Ordinal)
    {
        [Common] = ["text"],
        ["call_in"] = ["uniq", "duration", "source", "phone"],
        ["call_out"] = ["uniq", "duration", "source", "phone"],
        [ServiceMessage] = ["service", "text"],
        [ExtendedServiceMessage] = ["service", "text"],
        ["message_cashier"] = ["status", "text"],
        ["geolocation"] = ["text", "address", "longitude", "latitude"],
        ["sms_in"] = ["text", "phone"],
        ["sms_out"] = ["text", "phone"],
        [Attachment] = ["file_uuid", "version_uuid", "file_name"],
    };

    public static bool IsKnown(string noteType) => RequiredParams.ContainsKey(noteType);

    public static IReadOnlyList<string> RequiredParamsOf(string noteType) => RequiredParams[noteType];
}
