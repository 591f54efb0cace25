using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Chaos.Checks;

/// <summary>What a note on a deal says, recognised from the bridge's fixed wording (DealNotes).</summary>
public enum NoteKind
{
    Launched,
    Signature,
    Executed,
    Cancelled,
    Attachment,
    DocumentFallback,
    AlreadyInProgress,
    LaunchFailed,
    BackToReview,
    Other,
}

public static class NoteKinds
{
    public static NoteKind Of(NoteView note)
    {
        if (note.NoteType == "attachment")
        {
            return NoteKind.Attachment;
        }

        var text = note.Text ?? string.Empty;
        return text switch
        {
            _ when text.Contains(") launched for this deal.", StringComparison.Ordinal) => NoteKind.Launched,
            _ when text.Contains(" was sent for signature.", StringComparison.Ordinal) => NoteKind.Signature,
            _ when text.Contains(" was signed (executed).", StringComparison.Ordinal) => NoteKind.Executed,
            _ when text.Contains(" was cancelled.", StringComparison.Ordinal) => NoteKind.Cancelled,
            _ when text.Contains("could not be attached here", StringComparison.Ordinal) || text.Contains("has no signed document", StringComparison.Ordinal) => NoteKind.DocumentFallback,
            _ when text.Contains("no new ", StringComparison.Ordinal) && text.Contains(" is already ", StringComparison.Ordinal) => NoteKind.AlreadyInProgress,
            _ when text.Contains("could not be launched", StringComparison.Ordinal) || text.Contains("was not launched", StringComparison.Ordinal) => NoteKind.LaunchFailed,
            _ when text.Contains("went back to review", StringComparison.Ordinal) => NoteKind.BackToReview,
            _ => NoteKind.Other,
        };
    }
}
