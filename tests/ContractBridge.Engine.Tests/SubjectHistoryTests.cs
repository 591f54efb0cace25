using System.Data.Common;
using ContractBridge.Engine.Intake;
using ContractBridge.Engine.Jobs;
using ContractBridge.Engine.Storage;
using ContractBridge.Engine.Tests.Infrastructure;

namespace ContractBridge.Engine.Tests;

/// <summary>
/// Jobs keep their subject wherever they are stored (an event's jobs, an enqueue, a job's follow-ups), and a subject's
/// history — its jobs, the events that stored them, the subjects of listed events — comes back right, paged newest first,
/// and from the subject and event indexes (the plans say so; nothing is timed).
/// </summary>
public abstract class SubjectHistoryTests(IStoreProvider provider) : StoreTestBase(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private bool Sqlite => Database.Provider == "sqlite";

    [Fact]
    public async Task Subject_IsKeptByEveryWayAJobIsStored()
    {
        await Store.StoreEventsAsync([Event("evt-1", Job("lead:1"))], T0, None);
        await Store.EnqueueAsync([Job("lead:2"), Job(null)], T0, None);
        var claimed = (await Store.ClaimAsync("k", 10, "me", T0, TimeSpan.FromMinutes(1), None)).Single(j => j.Key == "key-of-lead:1");
        await Store.CompleteAsync(claimed.Id, "me", [Job("workflow:w-1")], T0, None);

        var jobs = await Store.ListAsync(null, 10, None);

        Assert.Equal(["workflow:w-1", null, "lead:2", "lead:1"], jobs.Select(j => j.Subject));
        Assert.NotNull(jobs.Single(j => j.Subject == "lead:1").EventId);
        Assert.Null(jobs.Single(j => j.Subject == "lead:2").EventId);
    }

    [Fact]
    public async Task JobsBySubjects_NewestFirst_OnlyThoseSubjects_APageAtATime()
    {
        await Store.EnqueueAsync([Job("lead:1", "a"), Job("lead:2", "b"), Job("workflow:w-1", "c"), Job(null, "d"), Job("lead:1", "e")], T0, None);
        string[] subjects = ["lead:1", "workflow:w-1"];

        var first = await Store.ListJobsBySubjectsAsync(subjects, long.MaxValue, 2, None);
        var second = await Store.ListJobsBySubjectsAsync(subjects, first[^1].Id, 2, None);

        Assert.Equal(["e", "c"], first.Select(j => j.Payload));
        Assert.Equal(["a"], second.Select(j => j.Payload));
        Assert.Empty(await Store.ListJobsBySubjectsAsync(["lead:9"], long.MaxValue, 10, None));
    }

    [Fact]
    public async Task EventsBySubjects_AreTheEventsThatStoredTheirJobs_Once_NewestFirst()
    {
        await Store.StoreEventsAsync(
            [
                Event("evt-1", Job("lead:1"), Job("lead:1")),
                Event("evt-2", Job("lead:2")),
                Event("evt-3", Job("workflow:w-1")),
                Event("evt-4"),
            ],
            T0,
            None);

        var events = await Store.ListEventsBySubjectsAsync(["lead:1", "workflow:w-1"], long.MaxValue, 10, None);
        var older = await Store.ListEventsBySubjectsAsync(["lead:1", "workflow:w-1"], events[0].Id, 10, None);

        Assert.Equal(["evt-3", "evt-1"], events.Select(e => e.DedupeKey));
        Assert.Equal(["evt-1"], older.Select(e => e.DedupeKey));
    }

    [Fact]
    public async Task EventSubjects_NameEachSubjectOfEachEventOnce()
    {
        await Store.StoreEventsAsync([Event("evt-1", Job("lead:1"), Job("lead:2"), Job("lead:1")), Event("evt-2", Job(null)), Event("evt-3", Job("lead:3"))], T0, None);
        var events = (await Store.ListRecentEventsAsync(10, None)).ToDictionary(e => e.DedupeKey, e => e.Id);

        var subjects = await Store.ListEventSubjectsAsync([events["evt-1"], events["evt-2"]], None);

        Assert.Equal([new EventSubject(events["evt-1"], "lead:1"), new EventSubject(events["evt-1"], "lead:2")], subjects);
    }

    [Fact]
    public async Task Reads_RunOnTheSubjectAndEventIndexes()
    {
        var set = Sqlite ? SubjectSql.SqliteSet : SubjectSql.PostgresSet;
        var subjects = Sqlite ? (object)"[\"lead:1\",\"workflow:w-1\"]" : new[] { "lead:1", "workflow:w-1" };
        var eventIds = Sqlite ? (object)"[1,2]" : new long[] { 1, 2 };
        var page = new Dictionary<string, object?> { ["@set"] = subjects, ["@before"] = long.MaxValue, ["@limit"] = 50 };

        var jobs = await PlanAsync(SubjectSql.JobsBySubjects(set), page);
        var events = await PlanAsync(SubjectSql.EventsBySubjects(set), page);
        var ofEvents = await PlanAsync(SubjectSql.SubjectsOfEvents(set), new Dictionary<string, object?> { ["@set"] = eventIds });

        Assert.Contains("jobs_by_subject", jobs);
        Assert.Contains("jobs_by_subject", events);
        Assert.Contains(Sqlite ? "USING INTEGER PRIMARY KEY" : "received_events_pkey", events);
        Assert.Contains("jobs_by_event", ofEvents);
        Assert.DoesNotContain(Sqlite ? "SCAN jobs" : "Seq Scan", jobs + events + ofEvents);
    }

    private async Task<string> PlanAsync(string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        await using DbConnection connection = Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database.Location};Pooling=False")
            : new Npgsql.NpgsqlConnection(Database.Location);
        await connection.OpenAsync();
        return await QueryPlans.ExplainAsync(connection, Sqlite, sql, parameters);
    }

    private static NewJob Job(string? subject, string payload = "{}") => new("k", $"key-of-{subject ?? "nothing"}", payload, Subject: subject);

    private static InboundEvent Event(string dedupe, params NewJob[] jobs) => new("kommo", dedupe, dedupe, "application/json", "{}", jobs);
}
