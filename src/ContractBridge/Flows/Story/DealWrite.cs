namespace ContractBridge.Flows.Story;

/// <summary>
/// One thing the bridge wrote on a deal in Kommo, as Kommo accepted it: a note, a task, a task moved, fields set or
/// the deal moved to a stage. Kept for the deal's story (<c>/deals/{leadId}</c>, <c>contracts story</c>).
/// </summary>
/// <param name="Id">The row's id, newest highest; 0 before it is stored.</param>
/// <param name="Kind">One of <see cref="DealWriteKinds"/>.</param>
/// <param name="Detail">What was written, in words: the note's text, the task and its due date, the stage, the fields.</param>
public sealed record DealWrite(long Id, long LeadId, DateTimeOffset At, string Kind, string Detail);
