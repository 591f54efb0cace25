using System.Text;

namespace ContractBridge.Tests.Support;

/// <summary>
/// A webhook body recorded as a file, as octokit keeps its payloads: <c>Payloads/&lt;service&gt;/&lt;event&gt;[.&lt;variant&gt;].json</c>
/// or <c>.form.txt</c> (kommo, ironclad, ironclad-seed for the seed document's dialect). The bytes are the body as sent;
/// the extension says its content type. Copied next to the tests by the project file.
/// </summary>
public sealed record Payload(string Service, string FileName, string ContentType, byte[] Body)
{
    private const string FormExtension = ".form.txt";
    private const string JsonExtension = ".json";

    public static string Folder(string service) => Path.Combine(AppContext.BaseDirectory, "Payloads", service);

    /// <summary>The event the file is named after: its name up to the first dot (<c>status_lead</c>, <c>workflow_launched</c>).</summary>
    public string Event => FileName[..FileName.IndexOf('.', StringComparison.Ordinal)];

    public string Text => Encoding.UTF8.GetString(Body);

    public static Payload Read(string service, string fileName)
    {
        var contentType = fileName.EndsWith(FormExtension, StringComparison.Ordinal) ? "application/x-www-form-urlencoded"
            : fileName.EndsWith(JsonExtension, StringComparison.Ordinal) ? "application/json"
            : throw new ArgumentException($"{fileName}: a payload file ends with {FormExtension} or {JsonExtension}.", nameof(fileName));
        var bytes = File.ReadAllBytes(Path.Combine(Folder(service), fileName));
        // Files end with a newline, bodies on the wire do not (in a form body it would end the last value).
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] is (byte)'\n' or (byte)'\r')
        {
            length--;
        }

        return new Payload(service, fileName, contentType, bytes[..length]);
    }

    /// <summary>Every payload file of a service, in name order.</summary>
    public static IReadOnlyList<string> FileNames(string service) =>
        [.. Directory.EnumerateFiles(Folder(service)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
