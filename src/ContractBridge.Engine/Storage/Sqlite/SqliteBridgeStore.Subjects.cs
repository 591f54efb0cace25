using System.Text.Json;
using Microsoft.Data.Sqlite;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Engine.Storage.Sqlite;

public sealed partial class SqliteBridgeStore
{
    private const string InSet = SubjectSql.SqliteSet;

    private static readonly string JobsBySubjects = SubjectSql.JobsBySubjects(InSet);
    private static readonly string EventsBySubjects = SubjectSql.EventsBySubjects(InSet);
    private static readonly string SubjectsOfEvents = SubjectSql.SubjectsOfEvents(InSet);

    public Task<IReadOnlyList<JobSummary>> ListJobsBySubjectsAsync(IReadOnlyCollection<string> subjects, long beforeId, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<JobSummary>>(connection =>
        {
            using var command = SubjectPage(connection, JobsBySubjects, subjects, beforeId, limit);
            return ReadSummaries(command);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ListEventsBySubjectsAsync(IReadOnlyCollection<string> subjects, long beforeId, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredEvent>>(connection =>
        {
            using var command = SubjectPage(connection, EventsBySubjects, subjects, beforeId, limit);
            return ReadEvents(command);
        }, cancellationToken);

    public Task<IReadOnlyList<EventSubject>> ListEventSubjectsAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<EventSubject>>(connection =>
        {
            using var command = SqliteConnections.Command(connection, null, SubjectsOfEvents);
            command.Parameters.AddWithValue("@set", JsonSerializer.Serialize(eventIds.Distinct()));
            using var reader = command.ExecuteReader();
            var subjects = new List<EventSubject>();
            while (reader.Read())
            {
                subjects.Add(new EventSubject(reader.GetInt64(0), reader.GetString(1)));
            }

            return subjects;
        }, cancellationToken);

    private static SqliteCommand SubjectPage(SqliteConnection connection, string sql, IReadOnlyCollection<string> subjects, long beforeId, int limit)
    {
        var command = SqliteConnections.Command(connection, null, sql);
        command.Parameters.AddWithValue("@set", JsonSerializer.Serialize(subjects.Distinct()));
        command.Parameters.AddWithValue("@before", beforeId);
        command.Parameters.AddWithValue("@limit", limit);
        return command;
    }
}
