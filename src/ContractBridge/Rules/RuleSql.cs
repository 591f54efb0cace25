namespace ContractBridge.Rules;

/// <summary>The statements both databases run alike (parameters are named @x in both).</summary>
internal static class RuleSql
{
    public const string Columns = "name, version, at, actor, client, rule_json, summary";

    public const string LatestChange = "SELECT COALESCE(MAX(id), 0) FROM rule_versions;";

    public const string Current = $"""
        SELECT {Columns} FROM rule_versions v
        WHERE v.rule_json IS NOT NULL AND v.version = (SELECT MAX(version) FROM rule_versions w WHERE w.name_key = v.name_key)
        ORDER BY v.name_key;
        """;

    public const string Latest = $"SELECT {Columns} FROM rule_versions WHERE name_key = @key ORDER BY version DESC LIMIT 1;";

    public const string History = $"SELECT {Columns} FROM rule_versions WHERE name_key = @key ORDER BY version DESC;";

    /// <summary>
    /// Adds the version only while the newest one is the version before it; a save racing it to the same number meets the
    /// unique (name_key, version) pair and adds nothing either.
    /// </summary>
    public const string Append = """
        INSERT INTO rule_versions (name_key, name, version, at, actor, client, rule_json, summary)
        SELECT @key, @name, @version, @at, @actor, @client, @json, @summary
        WHERE (SELECT COALESCE(MAX(version), 0) FROM rule_versions WHERE name_key = @key) = @version - 1
        ON CONFLICT (name_key, version) DO NOTHING;
        """;
}
