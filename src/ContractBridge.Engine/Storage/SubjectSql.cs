using static ContractBridge.Engine.Storage.StoreSchema;

namespace ContractBridge.Engine.Storage;

/// <summary>
/// The subject history's statements (<see cref="ISubjectHistory"/>). A set of subjects or ids travels as one parameter,
/// which each dialect unpacks its own way (SQLite's json_each, PostgreSQL's arrays); the rest reads the
/// same in both. Each is shaped to stay on an index: jobs_by_subject (subject, id) for a subject's jobs and events,
/// jobs_by_event for the subjects of listed events, the events' primary key for the events themselves. Public so tests
/// can ask each database for the plan of the very statements the stores run.
/// </summary>
public static class SubjectSql
{
    /// <summary>SQLite's set: one JSON array, which SQLite probes the index with once per member.</summary>
    public const string SqliteSet = "{0} IN (SELECT value FROM json_each(@set))";

    /// <summary>PostgreSQL's set: one array; = ANY on an indexed column is an index scan over its members.</summary>
    public const string PostgresSet = "{0} = ANY(@set)";

    /// <param name="set">How the dialect tests a column against the set parameter <c>@set</c>, e.g. "{0} = ANY(@set)".</param>
    public static string JobsBySubjects(string set) => $"""
        SELECT {JobSummaryColumns} FROM {JobsTable}
        WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, set, "subject")} AND id < @before
        ORDER BY id DESC LIMIT @limit;
        """;

    public static string EventsBySubjects(string set) => $"""
        SELECT {StoredEventColumns} FROM {ReceivedEventsTable}
        WHERE id < @before AND id IN (
            SELECT event_id FROM {JobsTable}
            WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, set, "subject")} AND event_id IS NOT NULL AND event_id < @before)
        ORDER BY id DESC LIMIT @limit;
        """;

    public static string SubjectsOfEvents(string set) => $"""
        SELECT DISTINCT event_id, subject FROM {JobsTable}
        WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, set, "event_id")} AND subject IS NOT NULL
        ORDER BY event_id, subject;
        """;
}
