using System.Text.Json;
using System.Text.Json.Nodes;
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

        var sessionBody = new { file_name = fileName, file_size = content.Length, content_type = contentType };
        using var sessionResponse = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(drive, "v1.0/sessions")) { Content = JsonContent.Create(sessionBody) }, cancellationToken);
        var session = await ReadJsonAsync<UploadSession>(sessionResponse, cancellationToken)
            ?? throw Unexpected("the drive answered the upload session with no body");
        if (!Uri.TryCreate(session.UploadUrl, UriKind.Absolute, out var uploadUrl) || uploadUrl.Host != drive.Host)
        {
            throw Unexpected("the drive's upload_url is not on the drive host");
        }

        var partSize = session.MaxPartSize is > 0 ? (int)Math.Min(session.MaxPartSize.Value, int.MaxValue) : content.Length;
        UploadedFileBody? uploaded = null;
        for (var offset = 0; offset < content.Length || (offset == 0 && content.Length == 0); offset += partSize)
        {
            var length = Math.Min(partSize, content.Length - offset);
            var partUrl = uploadUrl;
            using var partResponse = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, partUrl) { Content = new ByteArrayContent(content, offset, length) }, cancellationToken);
            var text = await partResponse.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? node;
            try
            {
                node = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw Unexpected($"the drive answered an upload part with JSON we cannot read ({ex.Message})");
            }

            if (node?["next_url"]?.GetValue<string>() is { } next && Uri.TryCreate(next, UriKind.Absolute, out var nextUrl) && nextUrl.Host == drive.Host)
            {
                uploadUrl = nextUrl;
            }

            if (node?["uuid"] is not null)
            {
                uploaded = new UploadedFileBody(node["uuid"]?.ToString(), node["version_uuid"]?.ToString(), node["name"]?.ToString(), node["size"]?.GetValue<long>());
            }

            if (content.Length == 0)
            {
                break;
            }
        }

        return uploaded is { Uuid: not null, VersionUuid: not null }
            ? new KommoUploadedFile(uploaded.Uuid, uploaded.VersionUuid, uploaded.Name ?? fileName, uploaded.Size ?? content.Length)
            : throw Unexpected("the drive did not return the uploaded file's uuid");
    }

    /// <summary>
    /// The account's own host, or a sibling under its parent domain (acme.kommo.com's drive is drive-b.kommo.com), over
    /// the same scheme. An IP address or a single-label host must match exactly.
    /// </summary>
    private bool IsAccountDomain(Uri drive)
    {
        var account = http.BaseAddress!;
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

    private sealed record UploadSession(string? UploadUrl, long? MaxPartSize);

    private sealed record UploadedFileBody(string? Uuid, string? VersionUuid, string? Name, long? Size);
}
