namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// What a lead PATCH does to the lead's tags: <see cref="Replace"/> (<c>_embedded.tags</c>) sets them all, as Kommo
/// documents, so tags left out are removed; <see cref="Add"/> (<c>tags_to_add</c>) and <see cref="Delete"/>
/// (<c>tags_to_delete</c>) change only the tags they name.
/// </summary>
internal sealed record LeadTagChange(IReadOnlyList<TagReference>? Replace, IReadOnlyList<TagReference> Add, IReadOnlyList<TagReference> Delete)
{
    public static readonly LeadTagChange None = new(null, [], []);

    public bool IsNone => Replace is null && Add.Count == 0 && Delete.Count == 0;
}
