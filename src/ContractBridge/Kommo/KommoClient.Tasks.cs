using ContractBridge.Kommo.Api;

namespace ContractBridge.Kommo;

/// <summary>
/// Task writes that need Kommo's answer: creating tasks whose ids the bridge keeps (to move them later), and moving them
/// (PATCH /tasks, 250 to a request). Refusals surface as for every batch write (<see cref="Upstream.UpstreamException.RefusedItems"/>).
/// </summary>
public sealed partial class KommoClient
{
    /// <summary>POST /tasks, returning each created task's id with the request_id it was sent with.</summary>
    public async Task<IReadOnlyList<KommoCreatedItem>> CreateTasksAsync(IReadOnlyList<KommoNewTask> tasks, CancellationToken cancellationToken)
    {
        var created = new List<KommoCreatedItem>(tasks.Count);
        foreach (var chunk in tasks.Chunk(MaxPerRequest))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "tasks") { Content = JsonContent.Create(chunk, options: KommoJson.Options) };
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await ReadJsonAsync<EmbeddedList<CreatedTasks>>(response, cancellationToken);
            created.AddRange(answer?.Embedded?.Tasks ?? throw Unexpected("POST tasks answered without the created tasks"));
            await WrittenAsync(chunk, cancellationToken);
        }

        return created;
    }

    /// <summary>PATCH /tasks: each item names its task by id.</summary>
    public Task UpdateTasksAsync(IReadOnlyList<KommoTaskUpdate> updates, CancellationToken cancellationToken) =>
        WriteInChunksAsync(HttpMethod.Patch, "tasks", updates, cancellationToken);

    private sealed record CreatedTasks(IReadOnlyList<KommoCreatedItem>? Tasks);
}
