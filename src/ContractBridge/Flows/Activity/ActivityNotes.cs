using System.Globalization;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// The notes a deal gets from its contract's activity. Each begins with "Ironclad:" like every note of the bridge (see
/// <see cref="DealNotes.LeadIns"/>), so a comment relayed as a note never goes back to legal as a question, whatever it says.
/// </summary>
public static class ActivityNotes
{
    /// <summary>"Ironclad: Lena Legal on IC-3: Can we cap liability?", a reply naming whom it answers, the counterparty marked.</summary>
    public static string Comment(string author, string? counterpartyCompany, string? repliesTo, string contract, string text, string link)
    {
        var who = counterpartyCompany is null ? author : $"{author} (counterparty{(counterpartyCompany.Length == 0 ? string.Empty : ", " + counterpartyCompany)})";
        var reply = repliesTo is null ? string.Empty : $", replying to {repliesTo}";
        return $"Ironclad: {who} on {contract}{reply}: {text}\n{link}";
    }

    /// <summary>"Ironclad: Finance (Frank Finance) approved IC-3 — 2 of 3 approvals done."</summary>
    public static string Approval(string approval, string? assignees, bool approved, string contract, int done, int total, string link)
    {
        var who = assignees is null ? approval : $"{approval} ({assignees})";
        var what = approved ? $"approved {contract}" : $"took back the approval of {contract}";
        var count = done == total && total == 1 ? "the only approval done"
            : done == total ? string.Create(CultureInfo.InvariantCulture, $"all {total} approvals done")
            : string.Create(CultureInfo.InvariantCulture, $"{done} of {total} approvals done");
        return $"Ironclad: {who} {what} — {count}.\n{link}";
    }

    /// <summary>"Ironclad: IC-3 is now with the counterparty (turn 2, carl@acme.example)." and its way back.</summary>
    public static string Turn(bool toCounterparty, string contract, int number, string? holder, string link)
    {
        var detail = string.Create(CultureInfo.InvariantCulture, $"turn {number}") + (holder is null ? string.Empty : $", {holder}");
        return toCounterparty
            ? $"Ironclad: {contract} is now with the counterparty ({detail}).\n{link}"
            : $"Ironclad: {contract} is back with us from the counterparty ({detail}).\n{link}";
    }
}
