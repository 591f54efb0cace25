using ContractBridge.Engine.Jobs;
using Npgsql;

namespace ContractBridge.Engine.Storage.Postgres;

public sealed partial class PostgresBridgeStore
{
    private const string InSet = SubjectSql.PostgresSet;

    private static readonly string JobsBySubjects = SubjectSql.JobsBySubjects(InSet);
    private static readonly string EventsBySubjects = SubjectSql.EventsBySubjects(InSet);
    private static readonly string SubjectsOfEvents = SubjectSql.SubjectsOfEvents(InSet);

    public async Task<IReadOnlyList<JobSummary>> ListJobsBySubjectsAsync(IReadOnlyCollection<string> subjects, long beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var command = SubjectPage(JobsBySubjects, subjects, beforeId, limit);
        return await ReadSummariesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ListEventsBySubjectsAsync(IReadOnlyCollection<string> subjects, long beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var command = SubjectPage(EventsBySubjects, subjects, beforeId, limit);
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<EventSubject>> ListEventSubjectsAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(SubjectsOfEvents);
        command.Parameters.AddWithValue("set", eventIds.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subjects = new List<EventSubject>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subjects.Add(new EventSubject(reader.GetInt64(0), reader.GetString(1)));
        }

        return subjects;
    }

    private NpgsqlCommand SubjectPage(string sql, IReadOnlyCollection<string> subjects, long beforeId, int limit)
    {
        var command = CreateCommand(sql);
        command.Parameters.AddWithValue("set", subjects.Distinct().ToArray());
        command.Parameters.AddWithValue("before", beforeId);
        command.Parameters.AddWithValue("limit", limit);
        return command;
    }
}
