using ContractBridge.Engine.Storage;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// The ids of the comments the bridge posted, in the engine's key/values, so the comment relay never tells a deal what
/// the bridge itself said in Ironclad, even when its comments are not credited to the user it acts as (that user
/// changed, or Ironclad credits the integration).
/// </summary>
public sealed class OwnComments(IKeyValueStore values, TimeProvider time)
{
    public Task RememberAsync(string commentId, CancellationToken cancellationToken) =>
        values.SetAsync(Key(commentId), "1", time.GetUtcNow(), cancellationToken);

    public async Task<bool> IsOwnAsync(string commentId, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(await values.GetAsync(Key(commentId), cancellationToken));

    private static string Key(string commentId) => "ironclad:own-comment:" + commentId;
}
