using ContractBridge.Configuration;
using ContractBridge.Secrets;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractBridge.Tests.Secrets;

/// <summary>Where the master key comes from, and what happens without one: a generated file on SQLite, a refusal on PostgreSQL.</summary>
public sealed class MasterKeySourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cb-masterkey-").FullName;

    [Fact]
    public void OnSqlite_WithoutAKey_OneIsGeneratedBesideTheDatabase_OwnerOnly_AndReusedAtTheNextStart()
    {
        var options = new BridgeOptions { DataDirectory = Path.Combine(_directory, "data") };

        var first = MasterKeySource.Load(options, NullLogger.Instance);
        var second = MasterKeySource.Load(options, NullLogger.Instance);

        var file = Path.Combine(options.DataDirectory, MasterKeyFile.GeneratedName);
        Assert.Equal(Path.GetFullPath(file), first.Source);
        Assert.Equal(first.Current.Id, second.Current.Id);
        Assert.Empty(MasterKeySource.Problems(options));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void OnSqlite_TheGeneratedFilesKey_ProtectsBesideThePreviousKeysGiven()
    {
        var previous = MasterKeyXmlEncryptorTests.NewKeyText();
        var options = new BridgeOptions { DataDirectory = _directory, Secrets = new SecretsOptions { PreviousMasterKeys = previous } };

        var ring = MasterKeySource.Load(options, NullLogger.Instance);

        Assert.Equal(StandaloneVault.Keys(previous).Current.Id, ring.All[1].Id);
        Assert.NotEqual(ring.All[1].Id, ring.Current.Id);
    }

    [Fact]
    public void OnPostgres_WithoutAKey_TheStartIsRefused_SayingToSetTheSameKeyOnEveryInstance()
    {
        var options = new BridgeOptions { DataDirectory = _directory, Postgres = "Host=db;Database=cb" };

        var problem = Assert.Single(MasterKeySource.Problems(options));

        Assert.Contains("set CONTRACTBRIDGE_MASTER_KEY to the same value on every instance", problem, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => MasterKeySource.Load(options, NullLogger.Instance));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("c2hvcnQ=", "decodes to 5 bytes")]
    public void AKeyThatIsNotBase64OfThirtyTwoBytes_IsRefused_SayingTheFormat_WithoutRepeatingIt(string key, string says)
    {
        var options = new BridgeOptions { DataDirectory = _directory, Secrets = new SecretsOptions { MasterKey = key } };

        var problem = Assert.Single(MasterKeySource.Problems(options));

        Assert.Contains(says, problem, StringComparison.Ordinal);
        Assert.Contains("CONTRACTBRIDGE_MASTER_KEY", problem, StringComparison.Ordinal);
        Assert.Contains("base64 of at least 32 random bytes", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyFile_ItsFirstKeyProtects_AndItsLaterLinesAreAccepted()
    {
        var current = MasterKeyXmlEncryptorTests.NewKeyText();
        var previous = MasterKeyXmlEncryptorTests.NewKeyText();
        var file = Path.Combine(_directory, "keys");
        File.WriteAllLines(file, ["# rotated 2026-12-02", current, string.Empty, previous]);
        var options = new BridgeOptions { DataDirectory = _directory, Postgres = "Host=db", Secrets = new SecretsOptions { MasterKeyFile = file } };

        var ring = MasterKeySource.Load(options, NullLogger.Instance);

        Assert.Equal(StandaloneVault.Keys(current).Current.Id, ring.Current.Id);
        Assert.Equal([ring.Current.Id, StandaloneVault.Keys(previous).Current.Id], ring.All.Select(k => k.Id));
    }

    [Fact]
    public void TheEnvironmentVariables_AreTheKeyAndThePreviousKeys()
    {
        var current = MasterKeyXmlEncryptorTests.NewKeyText();
        var previous = MasterKeyXmlEncryptorTests.NewKeyText();
        var settings = SeedEnvironment.ToConfiguration(new Dictionary<string, string>
        {
            ["CONTRACTBRIDGE_MASTER_KEY"] = current,
            ["CONTRACTBRIDGE_MASTER_KEY_PREVIOUS"] = previous,
        });
        var options = new BridgeOptions
        {
            DataDirectory = _directory,
            Postgres = "Host=db",
            Secrets = new SecretsOptions { MasterKey = settings["ContractBridge:Secrets:MasterKey"], PreviousMasterKeys = settings["ContractBridge:Secrets:PreviousMasterKeys"] },
        };

        var ring = MasterKeySource.Load(options, NullLogger.Instance);

        Assert.Equal("CONTRACTBRIDGE_MASTER_KEY", ring.Source);
        Assert.Equal([StandaloneVault.Keys(current).Current.Id, StandaloneVault.Keys(previous).Current.Id], ring.All.Select(k => k.Id));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
