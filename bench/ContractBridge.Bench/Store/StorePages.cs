using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ContractBridge.Bench.Ingest;

namespace ContractBridge.Bench.Store;

/// <summary>
/// Times the dashboard's pages on the big store, one request at a time as a person browses (after a few untimed ones),
/// signed in with the admin token as a bearer header. A page answers 200 and shows what it was asked for, or the run
/// fails; its time is only reported.
/// </summary>
internal static partial class StorePages
{
    private static readonly TimeSpan PageBudget = TimeSpan.FromMinutes(1);

    /// <summary>The pages: the overview, the newest contracts, a search by each kind of key, a broad prefix, a page deep in the keyset, a deal, events and jobs.</summary>
    public static IReadOnlyList<(string Name, string Path, string MustShow)> For(int contracts)
    {
        var middle = contracts / 2;
        var lead = StoreRows.LeadId(middle).ToString(CultureInfo.InvariantCulture);
        var number = StoreRows.IroncladNumber(middle);
        var name = StoreRows.DealName(middle);
        var company = name[..name.IndexOf(' ', StringComparison.Ordinal)];
        return
        [
            ("overview /", "/", "Contracts"),
            ("/contracts (newest)", "/contracts", StoreRows.IroncladNumber(contracts - 1)),
            ("/contracts?q=<deal name>", "/contracts?q=" + Uri.EscapeDataString(name), number),
            ("/contracts?q=<IC number>", "/contracts?q=" + Uri.EscapeDataString(number), number),
            ("/contracts?q=<lead id>", "/contracts?q=" + lead, number),
            ($"/contracts?q=<company> ({company})", "/contracts?q=" + Uri.EscapeDataString(company.ToLowerInvariant()), "IC-"),
            ("/contracts deep keyset page", "/contracts?before=" + (middle + 2).ToString(CultureInfo.InvariantCulture), number),
            ("/deals/{leadId}", "/deals/" + lead, number),
            ("/events", "/events", "kommo"),
            ("/jobs", "/jobs", "Dead"),
        ];
    }

    public static async Task<List<PageTiming>> TimeAsync(Uri service, string adminToken, int contracts, int requests, int warmUps)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var results = new List<PageTiming>();
        foreach (var (name, path, mustShow) in For(contracts))
        {
            results.Add(await TimeAsync(http, name, path, mustShow, requests, warmUps));
        }

        results.Add(await FollowOlderLinksAsync(http, pages: 20));
        return results;
    }

    private static async Task<PageTiming> TimeAsync(HttpClient http, string name, string path, string mustShow, int requests, int warmUps)
    {
        var recorder = new LatencyRecorder();
        var failures = 0;
        string? problem = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < warmUps + requests; i++)
        {
            // A slow page is timed for a minute (at least 20 requests), not for as long as 200 of it take.
            if (recorder.Count >= 20 && clock.Elapsed > PageBudget)
            {
                break;
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (i >= warmUps)
            {
                recorder.Record(started);
            }

            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(mustShow, StringComparison.Ordinal))
            {
                failures++;
                problem ??= $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri?.PathAndQuery}{(response.StatusCode == HttpStatusCode.OK ? $", without \"{mustShow}\": {Text(body)}" : string.Empty)}";
            }
        }

        var summary = recorder.Summarise();
        return new PageTiming(name, path, summary.Count, summary.P50Ms, summary.P99Ms, summary.MaxMs, failures, problem);
    }

    /// <summary>Follows the "Older contracts" link from the newest page <paramref name="pages"/> times, as a person paging would, timing each page.</summary>
    private static async Task<PageTiming> FollowOlderLinksAsync(HttpClient http, int pages)
    {
        var recorder = new LatencyRecorder();
        var path = "/contracts";
        var failures = 0;
        string? problem = null;
        for (var i = 0; i < pages; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            recorder.Record(started);
            if (response.StatusCode != HttpStatusCode.OK || OlderLink().Match(body) is not { Success: true } older)
            {
                failures++;
                problem ??= $"{(int)response.StatusCode} or no \"Older contracts\" link on page {i + 1}";
                break;
            }

            path = WebUtility.HtmlDecode(older.Groups[1].Value);
        }

        var summary = recorder.Summarise();
        return new PageTiming($"/contracts, {pages} pages by their links", path, summary.Count, summary.P50Ms, summary.P99Ms, summary.MaxMs, failures, problem);
    }

    /// <summary>The page's text without its markup and style, cut short: enough to tell which page answered.</summary>
    private static string Text(string html)
    {
        var text = Whitespace().Replace(Markup().Replace(html[(html.IndexOf("</style>", StringComparison.Ordinal) + 1)..], " "), " ").Trim();
        return text.Length <= 400 ? text : text[..400];
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("href=\"(/contracts\\?before=[0-9]+[^\"]*)\"")]
    private static partial Regex OlderLink();
}
