using System.Text.Json;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Kommo;

/// <summary>Kommo's file flow, for the signed PDF: an upload session on the account's drive, the bytes in parts.</summary>
public sealed partial class KommoClient
{
    /// <summary>
    /// Kommo's file flow: open an upload session on the account's drive host (<c>GET /account?with=drive_url</c>), send
    /// the bytes in parts, and return the file's ids for an <c>attachment</c> note.
    /// </summary>
    public async Task<KommoUploadedFile> UploadFileAsync(string? driveUrl, string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(driveUrl) || !Uri.TryCreate(driveUrl.TrimEnd('/') + "/", UriKind.Absolute, out var drive))
        {
            throw Unexpected("the account has no drive_url for file uploads");
        }

        if (!IsAccountDomain(drive))
        {
            // The upload carries the Kommo token: it goes only where the configured account lives.
            throw new UpstreamException(UpstreamService.Kommo, $"Kommo: refused to upload to drive_url {drive.GetLeftPart(UriPartial.Authority)}: not on the account's domain", null, isTransient: false);
        }

        var newSession = new KommoNewUploadSession(fileName, content.Length, contentType);
        using var sessionResponse = await http.PostAsJsonAsync(new Uri(drive, "v1.0/sessions"), newSession, KommoJson.Options, cancellationToken);
        var session = await ReadJsonAsync<KommoUploadSession>(sessionResponse, cancellationToken)
            ?? throw Unexpected("the drive answered the upload session with no body");
        if (!Uri.TryCreate(session.UploadUrl, UriKind.Absolute, out var uploadUrl) || uploadUrl.Host != drive.Host)
        {
            throw Unexpected("the drive's upload_url is not on the drive host");
        }

        var partSize = session.MaxPartSize is > 0 ? (int)Math.Min(session.MaxPartSize.Value, int.MaxValue) : content.Length;
        KommoUploadPart? uploaded = null;
        for (var offset = 0; offset < content.Length || (offset == 0 && content.Length == 0); offset += partSize)
        {
            var length = Math.Min(partSize, content.Length - offset);
            using var part = new ByteArrayContent(content, offset, length);
            using var partResponse = await http.PostAsync(uploadUrl, part, cancellationToken);
            var answer = await ReadPartAsync(partResponse, cancellationToken);
            if (answer?.NextUrl is { } next && Uri.TryCreate(next, UriKind.Absolute, out var nextUrl) && nextUrl.Host == drive.Host)
            {
                uploadUrl = nextUrl;
            }

            if (answer?.Uuid is not null)
            {
                uploaded = answer;
            }

            if (content.Length == 0)
            {
                break;
            }
        }

        return uploaded is { Uuid: { } uuid, VersionUuid: { } versionUuid }
            ? new KommoUploadedFile(uuid, versionUuid, uploaded.Name ?? fileName, uploaded.Size ?? content.Length)
            : throw Unexpected("the drive did not return the uploaded file's uuid");
    }

    /// <summary>A part's answer; an empty body (a part that needs no answer) is null.</summary>
    private static async Task<KommoUploadPart?> ReadPartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize<KommoUploadPart>(text, KommoJson.Options);
        }
        catch (JsonException ex)
        {
            throw Unexpected($"the drive answered an upload part with JSON we cannot read ({ex.Message})");
        }
    }

    /// <summary>
    /// The account's own host, or a sibling under its parent domain (acme.kommo.com's drive is drive-b.kommo.com), over
    /// the same scheme. An IP address or a single-label host must match exactly.
    /// </summary>
    private bool IsAccountDomain(Uri drive)
    {
        // The HttpClient's base address is a placeholder in the service (see Upstream.UpstreamAddressHandler).
        var account = address?.ApiRoot ?? http.BaseAddress!;
        if (drive.Scheme != account.Scheme)
        {
            return false;
        }

        if (string.Equals(drive.Host, account.Host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var labels = account.Host.Split('.');
        return account.HostNameType == UriHostNameType.Dns && labels.Length >= 3
            && drive.Host.EndsWith("." + string.Join('.', labels[1..]), StringComparison.OrdinalIgnoreCase);
    }
}
