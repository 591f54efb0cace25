using System.CommandLine;
using System.Globalization;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Cli;

/// <summary>
/// `jobs list` and `jobs retry`. Retrying acts on the database directly (whoever runs the CLI has the box and its
/// database): a dead job goes back to pending with its attempts reset, and a running service picks it up at its next
/// poll. No running service is needed to queue it; one is needed to run it.
/// </summary>
public static class JobsCommand
{
    private static readonly string[] Statuses = ["pending", "running", "dead", "succeeded"];

    public static Command Create(IReadOnlyDictionary<string, string?> settings) =>
        new("jobs", "Inspect the durable job queue and replay dead jobs.") { CreateList(settings), CreateRetry(settings) };

    private static Command CreateList(IReadOnlyDictionary<string, string?> settings)
    {
        var status = new Option<string?>("--status") { Description = "Only jobs in this state (default: all)." };
        status.AcceptOnlyFromAmong(Statuses);
        var limit = new Option<int>("--limit") { Description = "How many jobs, newest first.", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--limit must be between 1 and 10000.");
            }
        });
        var list = new Command("list", "List jobs with their state, attempts, next attempt and last error.") { status, limit };
        CommandRunner.SetAction(list, settings, (parse, host, output, error, cancellationToken) =>
            ListAsync(host, ParseStatus(parse.GetValue(status)), parse.GetValue(limit), output, error, cancellationToken));
        return list;
    }

    private static Command CreateRetry(IReadOnlyDictionary<string, string?> settings)
    {
        var id = new Argument<long?>("id") { Description = "The dead job to queue again.", Arity = ArgumentArity.ZeroOrOne };
        var allDead = new Option<bool>("--all-dead") { Description = "Queue every dead job again." };
        var retry = new Command(
            "retry",
            "Queue a dead job again (attempts reset), or every dead job with --all-dead. Acts on the database directly; a running service runs the job at its next poll.")
        { id, allDead };
        retry.Validators.Add(result =>
        {
            var hasId = result.GetValue(id) is not null;
            var all = result.GetValue(allDead);
            if (hasId == all)
            {
                result.AddError(all ? "Give a job id or --all-dead, not both." : "Give the id of a dead job, or --all-dead.");
            }
        });
        CommandRunner.SetAction(retry, settings, (parse, host, output, error, cancellationToken) =>
            parse.GetValue(allDead)
                ? RetryAllAsync(host, output, error, cancellationToken)
                : RetryOneAsync(host, parse.GetValue(id)!.Value, output, error, cancellationToken));
        return retry;
    }

    private static async Task<int> ListAsync(CliHost host, JobStatus? status, int limit, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = await host.OpenStoreAsync(error, cancellationToken);
        var jobs = await store.ListAsync(status, limit, cancellationToken);
        var table = new TextTable("ID", "KIND", "KEY", "STATUS", "ATTEMPTS", "UPDATED", "NEXT ATTEMPT", "LAST ERROR");
        foreach (var job in jobs)
        {
            table.Add(
                job.Id.ToString(CultureInfo.InvariantCulture),
                job.Kind,
                job.Key,
                job.Status.ToString().ToLowerInvariant(),
                job.Attempts.ToString(CultureInfo.InvariantCulture),
                Timestamps.Format(job.UpdatedAt),
                job.Status == JobStatus.Pending ? Timestamps.Format(job.NextAttemptAt) : "-",
                job.LastError ?? string.Empty);
        }

        await output.WriteAsync(table.ToString());
        var counts = await store.CountAsync(cancellationToken);
        await output.WriteLineAsync($"{jobs.Count} job(s) shown. In all: {counts.Pending} pending, {counts.Running} running, {counts.Dead} dead, {counts.Succeeded} succeeded.");
        return ExitCodes.Success;
    }

    private static async Task<int> RetryOneAsync(CliHost host, long id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = await host.OpenStoreAsync(error, cancellationToken);
        if (await store.ReplayAsync(id, host.Get<TimeProvider>().GetUtcNow(), cancellationToken))
        {
            await output.WriteLineAsync($"Job {id} is queued again; a running service picks it up at its next poll.");
            return ExitCodes.Success;
        }

        var job = await store.GetAsync(id, cancellationToken);
        await error.WriteLineAsync(job is null
            ? $"There is no job {id}."
            : $"Job {id} is {job.Status.ToString().ToLowerInvariant()}, not dead: only dead jobs are retried by hand.");
        return ExitCodes.Failure;
    }

    private static async Task<int> RetryAllAsync(CliHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = await host.OpenStoreAsync(error, cancellationToken);
        var count = await store.ReplayAllDeadAsync(host.Get<TimeProvider>().GetUtcNow(), cancellationToken);
        await output.WriteLineAsync(count == 0
            ? "There were no dead jobs."
            : $"{count} dead job(s) queued again; a running service picks them up at its next poll.");
        return ExitCodes.Success;
    }

    private static JobStatus? ParseStatus(string? status) =>
        status is null ? null : Enum.Parse<JobStatus>(status, ignoreCase: true);
}
