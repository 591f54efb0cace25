using System.Buffers;

namespace ContractBridge.Web;

/// <summary>Reads a request body whole, up to a limit; larger bodies are refused without being read in full.</summary>
public static class BodyReader
{
    public const int MaxWebhookBytes = 1024 * 1024;

    private const int ChunkBytes = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        try
        {
            if (request.ContentLength is { } length)
            {
                // Kestrel holds the body to its Content-Length, so it is read straight into an array of that size: one
                // allocation per webhook, where a read buffer and a growing copy were three (and 16 KB) at 1,000 a second.
                var body = new byte[length];
                await request.Body.ReadExactlyAsync(body, cancellationToken);
                return body;
            }

            return await ReadChunkedAsync(request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without Content-Length crossed the server's own limit inside one read: too large all the same.
            return null;
        }
    }

    private static async Task<byte[]?> ReadChunkedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
