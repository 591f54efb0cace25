namespace ContractBridge.Secrets;

/// <summary>
/// The master key that protects Data Protection's key ring in the database (<c>ContractBridge:Secrets</c>). One of
/// <see cref="MasterKey"/> (<c>CONTRACTBRIDGE_MASTER_KEY</c>) or <see cref="MasterKeyFile"/>; on SQLite with neither, a
/// key file is generated beside the database. Each key is base64 of at least 32 random bytes.
/// </summary>
public sealed class SecretsOptions
{
    /// <summary>The key that protects new key ring entries (<c>CONTRACTBRIDGE_MASTER_KEY</c>).</summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// Keys also accepted when reading, comma-separated (<c>CONTRACTBRIDGE_MASTER_KEY_PREVIOUS</c>): the key before a
    /// rotation, or the next key while it is being rolled out. Never used to protect anything.
    /// </summary>
    public string? PreviousMasterKeys { get; set; }

    /// <summary>
    /// A file of keys, one a line (<c>#</c> comments and blank lines ignored): the first protects, the others are accepted
    /// when reading. Keep it owner-only (0600).
    /// </summary>
    public string? MasterKeyFile { get; set; }
}
