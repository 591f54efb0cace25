namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// A comment in a workflow's activity feed: by a user of the company, or (<see cref="CounterpartyCompany"/> set) by
/// someone of the counterparty, whom Ironclad shows as an external author.
/// </summary>
/// <param name="Author">The user who commented; for a counterparty's comment, their name and email (no user id).</param>
/// <param name="Mentioned">The users its <c>&lt;@email&gt;</c> or <c>&lt;@id&gt;</c> mentions name.</param>
public sealed record WorkflowComment(string Id, string Message, DateTimeOffset Timestamp, IroncladUser Author, IReadOnlyList<IroncladUser> Mentioned)
{
    /// <summary>The id of the comment this one replies to; null for a comment of its own.</summary>
    public string? RepliedToId { get; init; }

    /// <summary>The counterparty's company, for a comment by someone outside the company; null for a user's comment.</summary>
    public string? CounterpartyCompany { get; init; }

    public bool IsExternal => CounterpartyCompany is not null;
}
