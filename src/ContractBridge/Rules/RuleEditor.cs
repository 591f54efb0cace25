using System.Globalization;
using ContractBridge.Audit;
using ContractBridge.Configuration;
using ContractBridge.Flows;

namespace ContractBridge.Rules;

/// <summary>
/// Saves and deletes stored rules: a configured rule's name is refused, a save must name the version it was made from
/// (0 for a new rule), the rule must pass <see cref="RuleValidator"/>; each change is a new version, audited, and in
/// force on this instance at once (the others read it within <see cref="StoredRulesOptions.RefreshInterval"/>).
/// </summary>
public sealed class RuleEditor(IRuleStore store, StoredRules stored, RuleBook book, RuleValidator validator, IAuditLog audit, TimeProvider time)
{
    /// <param name="basedOn">The version the form was made from; 0 when it makes a new rule.</param>
    public async Task<RuleSaveOutcome> SaveAsync(ContractRule rule, int basedOn, AuditActor actor, CancellationToken cancellationToken)
    {
        rule.Name = rule.Name.Trim();
        if (book.IsConfigured(rule.Name))
        {
            return new RuleSaveOutcome.ReadOnly(ConfiguredMessage(rule.Name));
        }

        var latest = await store.LatestAsync(rule.Name, cancellationToken);
        if (Stale(rule.Name, latest, basedOn) is { } conflict)
        {
            return conflict;
        }

        // The name keeps the case it was first stored with, whatever case the edit's address used.
        rule.Name = latest?.Name ?? rule.Name;
        var others = book.Rules.Where(r => !string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase));
        var problems = await validator.ProblemsAsync(rule, others, cancellationToken);
        if (problems.Count > 0)
        {
            return new RuleSaveOutcome.Invalid(problems);
        }

        var json = RuleJson.Write(rule);
        var before = latest is { Deleted: false } ? latest.RuleJson : null;
        var version = new RuleVersion(rule.Name, (latest?.Version ?? 0) + 1, time.GetUtcNow(), actor.Role, actor.Client, json, RuleChanges.Describe(before, json));
        return await AppendAsync(version, AuditActions.RuleSave, actor, cancellationToken);
    }

    public async Task<RuleSaveOutcome> DeleteAsync(string name, int basedOn, AuditActor actor, CancellationToken cancellationToken)
    {
        if (book.IsConfigured(name))
        {
            return new RuleSaveOutcome.ReadOnly(ConfiguredMessage(name));
        }

        var latest = await store.LatestAsync(name, cancellationToken);
        if (latest is null or { Deleted: true })
        {
            return new RuleSaveOutcome.NotFound($"There is no stored rule named '{name}'.");
        }

        if (Stale(name, latest, basedOn) is { } conflict)
        {
            return conflict;
        }

        var version = new RuleVersion(latest.Name, latest.Version + 1, time.GetUtcNow(), actor.Role, actor.Client, null, RuleChanges.Describe(latest.RuleJson, null));
        return await AppendAsync(version, AuditActions.RuleDelete, actor, cancellationToken);
    }

    private static RuleSaveOutcome.Conflict? Stale(string name, RuleVersion? latest, int basedOn)
    {
        if (basedOn == 0)
        {
            return latest is { Deleted: false }
                ? new RuleSaveOutcome.Conflict($"A rule named '{latest.Name}' already exists (version {Said(latest)}): open it to change it, or choose another name.")
                : null;
        }

        if (latest is null || latest.Version != basedOn || latest.Deleted)
        {
            var now = latest is null ? "it does not exist" : latest.Deleted ? $"it was deleted (version {Said(latest)})" : $"it is at version {Said(latest)}";
            return new RuleSaveOutcome.Conflict($"Rule '{name}' changed since version {basedOn.ToString(CultureInfo.InvariantCulture)} was opened: {now}. Reload it and make your change again; nothing was saved.");
        }

        return null;
    }

    private async Task<RuleSaveOutcome> AppendAsync(RuleVersion version, string action, AuditActor actor, CancellationToken cancellationToken)
    {
        if (!await store.AppendAsync(version, cancellationToken))
        {
            return new RuleSaveOutcome.Conflict($"Rule '{version.Name}' was changed by someone else at the same moment: reload it and make your change again; nothing was saved.");
        }

        await audit.RecordAsync(actor, action, $"rule '{version.Name}' version {version.Version.ToString(CultureInfo.InvariantCulture)}: {version.Summary}", cancellationToken);
        await stored.RefreshAsync(cancellationToken);
        return new RuleSaveOutcome.Saved(version);
    }

    private static string Said(RuleVersion version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version.Version}, by {version.Actor} at {version.At:yyyy-MM-dd HH:mm:ss}Z");

    private static string ConfiguredMessage(string name) =>
        $"Rule '{name}' comes from configuration (appsettings or environment variables): it is read-only here, and a stored rule cannot take its name.";
}
