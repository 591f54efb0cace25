using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed partial class DocumentTests : IAsyncLifetime
{
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Download_BeforeSigning_IsAValidDraftPdf()
    {
        var workflow = await _server.LaunchAsync();

        var pdf = await DownloadAsync(workflow["id"]!.GetValue<string>());

        AssertValidPdf(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.Contains("MSA with Acme Corp", text, StringComparison.Ordinal);
        Assert.Contains(workflow["ironcladId"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.Contains("draft", text, StringComparison.Ordinal);
        Assert.DoesNotContain("signed by", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OnceFullySigned_IsTheSignedPdf_AsANewVersion()
    {
        var workflow = await _server.LaunchAsync();
        var id = workflow["id"]!.GetValue<string>();
        var draftVersion = (await _server.GetJsonAsync($"workflows/{id}/documents"))!["signaturePacketDocuments"]![0]!;
        _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Signed);

        var signedVersion = (await _server.GetJsonAsync($"workflows/{id}/documents"))!["signaturePacketDocuments"]![0]!;
        var pdf = await DownloadAsync(id);

        AssertValidPdf(pdf);
        Assert.Contains("Status: signed", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal(1, draftVersion["versionNumber"]!.GetValue<int>());
        Assert.Equal(2, signedVersion["versionNumber"]!.GetValue<int>());
        Assert.Equal(draftVersion["key"]!.GetValue<string>(), signedVersion["key"]!.GetValue<string>());
        Assert.NotEqual(draftVersion["version"]!.GetValue<string>(), signedVersion["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Download_UnknownKey_Is404NotFound()
    {
        var workflow = await _server.LaunchAsync();

        using var response = await _server.Http.GetAsync($"workflows/{workflow["id"]}/document/nope/download");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Pdf_WithNonLatinTitle_StaysValid()
    {
        var pdf = ContractBridge.Simulators.Ironclad.Documents.MinimalPdf.Create("Vertrag (Müller) \\ 日本", ["line (1)"]);

        AssertValidPdf(pdf);
    }

    private async Task<byte[]> DownloadAsync(string id)
    {
        var documents = await _server.GetJsonAsync($"workflows/{id}/documents");
        var download = documents!["signaturePacketDocuments"]![0]!["download"]!.GetValue<string>();
        using var response = await _server.Http.GetAsync(new Uri(_server.Simulator.BaseUrl, download));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Header, an xref table whose every offset points at its "n 0 obj", a trailer with /Root and %%EOF.</summary>
    private static void AssertValidPdf(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);

        var startXref = StartXref().Match(text);
        Assert.True(startXref.Success, "no startxref");
        var xrefOffset = int.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal("xref\n", text.Substring(xrefOffset, 5));

        var header = XrefHeader().Match(text, xrefOffset);
        var count = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var entriesStart = header.Index + header.Length;
        for (var n = 1; n < count; n++)
        {
            var entry = text.Substring(entriesStart + (n * 20), 20);
            Assert.Matches(@"^\d{10} 00000 n \n$", entry);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{n} 0 obj", text[offset..], StringComparison.Ordinal);
        }

        var trailer = text[(entriesStart + (count * 20))..];
        Assert.StartsWith("trailer\n<<", trailer, StringComparison.Ordinal);
        Assert.Contains($"/Size {count}", trailer, StringComparison.Ordinal);
        Assert.Contains("/Root 1 0 R", trailer, StringComparison.Ordinal);

        var length = StreamLength().Match(text);
        var streamStart = text.IndexOf("stream\n", length.Index, StringComparison.Ordinal) + "stream\n".Length;
        Assert.Equal("endstream", text.Substring(streamStart + int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture), 9));
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\n0 (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"<< /Length (\d+) >>")]
    private static partial Regex StreamLength();
}
