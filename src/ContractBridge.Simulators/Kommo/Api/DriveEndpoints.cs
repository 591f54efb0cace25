using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// The account's drive (<c>drive_url</c> = this server + <c>/drive</c>): open an upload session, POST the bytes to its
/// <c>upload_url</c> in parts of at most <c>max_part_size</c> (each part but the last answers with <c>next_url</c>);
/// the last part answers with the file's uuid and version_uuid, which an attachment note then names.
/// </summary>
internal sealed class DriveEndpoints(KommoApiContext api)
{
    /// <summary>Paths that carry no bearer token: the upload URL is secret, as Kommo's pre-signed URLs are.</summary>
    public static bool IsUnauthenticatedPath(PathString path) =>
        path.StartsWithSegments("/drive/upload") || path.StartsWithSegments("/drive/download");

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/drive/v1.0/sessions", OpenSessionAsync);
        routes.MapPost("/drive/upload/{key}", UploadPartAsync);
        routes.MapGet("/drive/v1.0/files/{uuid:guid}", GetFileAsync);
        routes.MapGet("/drive/download/{uuid:guid}", DownloadAsync);
        routes.MapGet("/drive/download/{uuid:guid}/{version:guid}", DownloadAsync);
    }

    private async Task OpenSessionAsync(HttpContext context)
    {
        using var document = await KommoHttp.ReadJsonAsync(context);
        if (document is null)
        {
            return;
        }

        var body = document.RootElement;
        var errors = new List<ValidationError>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must be a JSON object");
            return;
        }

        var fileName = JsonRead.String(body, "file_name", "file_name", errors);
        var fileSize = JsonRead.Integer(body, "file_size", "file_size", errors);
        var contentType = JsonRead.String(body, "content_type", "content_type", errors) ?? "application/octet-stream";
        if (string.IsNullOrEmpty(fileName) && !errors.Exists(e => e.Path == "file_name"))
        {
            errors.Add(ValidationError.FieldMissing("file_name"));
        }

        if (fileSize is null && !errors.Exists(e => e.Path == "file_size"))
        {
            errors.Add(ValidationError.FieldMissing("file_size"));
        }
        else if (fileSize is < 0 || fileSize > api.Options.DriveMaxFileSize)
        {
            errors.Add(new ValidationError("OutOfRange", "file_size", $"file_size must be between 0 and {api.Options.DriveMaxFileSize} bytes."));
        }

        if (errors.Count > 0)
        {
            await KommoHttp.WriteValidationProblemAsync(context, [new RequestValidationErrors("0", errors)]);
            return;
        }

        var session = api.Store.Write(data =>
        {
            var opened = new UploadSession
            {
                Id = data.Ids.NextUploadSession(),
                Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                FileName = fileName!,
                FileSize = fileSize!.Value,
                ContentType = contentType,
                CreatedBy = data.OwnerUserId,
            };
            data.UploadSessions[opened.Key] = opened;
            return opened;
        });
        await KommoHttp.WriteJsonAsync(context, new JsonObject
        {
            ["session_id"] = session.Id,
            ["upload_url"] = UploadUrl(session.Key, part: 1),
            ["max_file_size"] = api.Options.DriveMaxFileSize,
            ["max_part_size"] = api.Options.DriveMaxPartSize,
        }, StatusCodes.Status200OK, "application/json");
    }

    private async Task UploadPartAsync(HttpContext context)
    {
        var key = (string)context.Request.RouteValues["key"]!;
        var part = await ReadPartAsync(context);
        if (part is null)
        {
            await KommoHttp.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"A part may be at most {api.Options.DriveMaxPartSize} bytes (max_part_size)");
            return;
        }

        var now = api.Now();
        var result = api.Store.Write<(int Status, JsonObject? Body, string Detail)>(data =>
        {
            if (!data.UploadSessions.TryGetValue(key, out var session))
            {
                return (StatusCodes.Status404NotFound, null, "Upload session not found or already finished");
            }

            if (session.Received.Length + part.Length > session.FileSize)
            {
                data.UploadSessions.Remove(key);
                return (StatusCodes.Status400BadRequest, null, $"More bytes received than the announced file_size {session.FileSize}; the session is closed");
            }

            session.Received.Write(part);
            session.PartsReceived++;
            if (session.Received.Length < session.FileSize)
            {
                return (StatusCodes.Status200OK, new JsonObject
                {
                    ["session_id"] = session.Id,
                    ["next_url"] = UploadUrl(session.Key, session.PartsReceived + 1),
                    ["max_part_size"] = api.Options.DriveMaxPartSize,
                }, "");
            }

            data.UploadSessions.Remove(key);
            var file = new DriveFile
            {
                Id = data.Ids.NextFile(),
                Uuid = Guid.NewGuid(),
                VersionUuid = Guid.NewGuid(),
                Name = session.FileName,
                ContentType = session.ContentType,
                Content = session.Received.ToArray(),
                CreatedBy = session.CreatedBy,
                CreatedAt = now,
            };
            data.Files[file.Uuid] = file;
            session.Received.Dispose();
            return (StatusCodes.Status200OK, DriveFileJson.Write(file, api.Links), "");
        });

        if (result.Body is null)
        {
            await KommoHttp.WriteProblemAsync(context, result.Status, result.Detail);
            return;
        }

        await KommoHttp.WriteJsonAsync(context, result.Body, result.Status, "application/json");
    }

    private Task GetFileAsync(HttpContext context)
    {
        var uuid = Guid.Parse((string)context.Request.RouteValues["uuid"]!);
        var file = api.Store.Read(data => data.Files.TryGetValue(uuid, out var f) ? DriveFileJson.Write(f, api.Links) : null);
        return file is null
            ? KommoHttp.WriteNotFoundAsync(context, $"File {uuid} not found")
            : KommoHttp.WriteJsonAsync(context, file, StatusCodes.Status200OK, "application/json");
    }

    private async Task DownloadAsync(HttpContext context)
    {
        var uuid = Guid.Parse((string)context.Request.RouteValues["uuid"]!);
        var file = api.Store.Read(data => data.Files.GetValueOrDefault(uuid));
        if (file is null)
        {
            await KommoHttp.WriteNotFoundAsync(context, $"File {uuid} not found");
            return;
        }

        context.Response.ContentType = file.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.Name}\"";
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    /// <summary>The body of one part; null when it is larger than max_part_size.</summary>
    private async Task<byte[]?> ReadPartAsync(HttpContext context)
    {
        var limit = api.Options.DriveMaxPartSize;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private string UploadUrl(string key, int part) => $"{api.Links.Drive}/upload/{key}?part={part}";
}
