using System.Globalization;
using ContractBridge.Configuration;
using ContractBridge.Kommo;
using ContractBridge.Kommo.Api;
using ContractBridge.Upstream;

namespace ContractBridge.Cli.Check;

/// <summary>
/// The Kommo side of `check`: the token opens the account, and every stage a rule names exists where the rule will
/// look for it (the trigger stage, the Closed-Won stage, the stage a cancelled contract moves the deal to).
/// </summary>
public sealed class KommoAccountChecks(KommoClient kommo, IReadOnlyList<ContractRule> rules)
{
    private const string Area = "Kommo";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        IReadOnlyList<KommoPipeline> pipelines;
        try
        {
            var account = await kommo.GetAccountAsync(withDriveUrl: false, cancellationToken);
            results.Add(CheckResult.Pass(Area, "access token", $"account '{account.Name}' ({account.Subdomain}, {account.Currency})"));
            pipelines = await kommo.GetPipelinesAsync(cancellationToken);
        }
        catch (UpstreamException ex)
        {
            results.Add(CheckResult.Fail(Area, "access token", ex.Message));
            results.AddRange(rules.Select(r => CheckResult.Skip(Area, $"rule '{r.Name}': stages", "Kommo could not be read")));
            return results;
        }

        foreach (var rule in rules)
        {
            results.AddRange(CheckRule(rule, pipelines));
        }

        return results;
    }

    /// <summary>One rule's stages against the account's pipelines: what `check` says of it, and what a rule saved in the dashboard must pass.</summary>
    public static IEnumerable<CheckResult> CheckRule(ContractRule rule, IReadOnlyList<KommoPipeline> pipelines)
    {
        var prefix = $"rule '{rule.Name}':";
        List<KommoPipeline> scope;
        if (rule.PipelineId is { } pipelineId)
        {
            var pipeline = pipelines.FirstOrDefault(p => p.Id == pipelineId);
            if (pipeline is null)
            {
                yield return CheckResult.Fail(Area, $"{prefix} pipeline {pipelineId}", $"no such pipeline; the account has {Describe(pipelines)}");
                yield break;
            }

            yield return CheckResult.Pass(Area, $"{prefix} pipeline {pipelineId}", $"'{pipeline.Name}'");
            scope = [pipeline];
        }
        else
        {
            scope = [.. pipelines.Where(p => p.Statuses.Any(s => s.Id == rule.StageId))];
        }

        var trigger = $"{prefix} trigger stage {rule.StageId}";
        if (scope.Count == 0 || scope.Any(p => p.Statuses.All(s => s.Id != rule.StageId)))
        {
            var where = rule.PipelineId is null ? "in any pipeline" : $"in pipeline '{scope[0].Name}'";
            yield return CheckResult.Fail(Area, trigger, $"no stage {rule.StageId} {where}; stages: {DescribeStages(rule.PipelineId is null ? pipelines : scope)}");
            yield break;
        }

        yield return CheckResult.Pass(Area, trigger, string.Join(", ", scope.Select(p => $"'{StageName(p, rule.StageId)}' in '{p.Name}'")));
        yield return StageCheck(scope, $"{prefix} Closed-Won stage {rule.ClosedWonStageId}", rule.ClosedWonStageId);
        if (rule.OnCancelled.MoveToStageId is { } cancelStage)
        {
            yield return StageCheck(scope, $"{prefix} cancel stage {cancelStage}", cancelStage);
        }
    }

    private static CheckResult StageCheck(List<KommoPipeline> scope, string check, long stageId)
    {
        var missing = scope.Where(p => p.Statuses.All(s => s.Id != stageId)).ToList();
        return missing.Count == 0
            ? CheckResult.Pass(Area, check, string.Join(", ", scope.Select(p => $"'{StageName(p, stageId)}' in '{p.Name}'")))
            : CheckResult.Fail(Area, check, $"no stage {stageId} in {string.Join(", ", missing.Select(p => $"'{p.Name}'"))}; stages: {DescribeStages(missing)}");
    }

    private static string StageName(KommoPipeline pipeline, long stageId) => pipeline.Statuses.First(s => s.Id == stageId).Name;

    private static string Describe(IReadOnlyList<KommoPipeline> pipelines) =>
        pipelines.Count == 0 ? "no pipelines" : string.Join(", ", pipelines.Select(p => string.Create(CultureInfo.InvariantCulture, $"'{p.Name}' ({p.Id})")));

    private static string DescribeStages(IEnumerable<KommoPipeline> pipelines) =>
        string.Join("; ", pipelines.Select(p => $"'{p.Name}': " + string.Join(", ", p.Statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} ({s.Id})")))));
}
