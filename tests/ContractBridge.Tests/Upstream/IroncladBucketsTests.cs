using ContractBridge.Configuration;
using ContractBridge.Hosting;
using ContractBridge.Upstream.Budget;
using Microsoft.Extensions.Options;

namespace ContractBridge.Tests.Upstream;

/// <summary>Each Ironclad call is charged to the bucket Ironclad counts it in.</summary>
public sealed class IroncladBucketsTests
{
    private static readonly Uri ApiRoot = new("https://na1.ironcladapp.com/public/api/v1/");

    [Theory]
    [InlineData("GET", "workflows/abc", UpstreamLimiters.IroncladReadsBucket)]
    [InlineData("POST", "workflows", UpstreamLimiters.IroncladWritesBucket)]
    [InlineData("GET", "workflows/abc/sign-status", UpstreamLimiters.IroncladSignStatusBucket)]
    [InlineData("POST", "workflows/abc/sign-status/signers/Counterparty%20Signer/remind", UpstreamLimiters.IroncladSignStatusBucket)]
    [InlineData("GET", "workflows/abc/documents", UpstreamLimiters.IroncladReadsBucket)]
    [InlineData("GET", "webhooks", UpstreamLimiters.IroncladOtherBucket)]
    public void TheSignStepsRoutes_HaveTheirOwnBucket_ApartFromWorkflowReadsAndWrites(string method, string path, string bucket)
    {
        using var limiters = new UpstreamLimiters(Options.Create(new BridgeOptions()), new UnusedBudgets(), TimeProvider.System);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(ApiRoot, path));

        Assert.Equal(bucket, limiters.ForIronclad(request, ApiRoot).Bucket);
    }

    /// <summary>Choosing a bucket asks the shared budget nothing.</summary>
    private sealed class UnusedBudgets : IRateBudgetStore
    {
        public Task<BudgetGrant> LeaseAsync(BudgetRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task HoldAsync(string bucket, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
