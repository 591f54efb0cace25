using System.Globalization;
using System.Text;

namespace ContractBridge.Chaos.Hostile;

/// <summary>
/// Generates hostile requests to both webhook endpoints and the dashboard, seeded, cycling through every category so
/// that any count covers all of them. Each category makes requests that must be refused (or, for exact replays,
/// deduplicated): truncated and invalid JSON, wrong content types, huge and deeply nested bodies, bracket-key bombs,
/// invalid UTF-8, forged, replayed and tampered signatures, wrong secrets, path traversal in ids and paths. Point it
/// at more dashboard paths with <see cref="HostileContext.DashboardPaths"/>. Long (some 450 lines) because it is a
/// catalogue: one short method per category, read as a list; none depends on another.
/// </summary>
public sealed class HostileRequestGenerator
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";
    private const int OneMiB = 1024 * 1024;

    private readonly HostileContext _context;
    private readonly Random _random;
    private readonly List<(string Name, Func<HostileRequest> Make)> _categories;

    public HostileRequestGenerator(HostileContext context, int seed)
    {
        _context = context;
        _random = new Random(seed);
        _categories =
        [
            ("kommo: wrong secret", WrongKommoSecret),
            ("kommo: no secret", () => Post("/webhooks/kommo" + Pick("", "/"), Form, GenuineKommo())),
            ("kommo: path traversal in secret", KommoTraversal),
            ("kommo: wrong content type", KommoWrongContentType),
            ("kommo: truncated form", TruncatedForm),
            ("kommo: truncated JSON", TruncatedJson),
            ("kommo: invalid JSON", InvalidJson),
            ("kommo: JSON of the wrong shape", WrongJsonShape),
            ("kommo: huge body", () => Huge(_context.KommoPath, Form)),
            ("kommo: deeply nested JSON", () => Post(_context.KommoPath, Json, Nested(_random.Next(17, 100_000)))),
            ("kommo: deeply nested form key", NestedFormKey),
            ("kommo: bracket-key bomb (fields)", FieldBomb),
            ("kommo: bracket-key bomb (leads)", LeadBomb),
            ("kommo: malformed keys", MalformedKeys),
            ("kommo: invalid UTF-8 form", () => Post(_context.KommoPath, Form, InvalidUtf8("leads[status][0][id]=1&account[subdomain]="))),
            ("kommo: invalid UTF-8 JSON", InvalidUtf8Json),
            ("kommo: path traversal in ids", KommoIdTraversal),
            ("kommo: empty body", () => Post(_context.KommoPath, Pick(Form, Json, null), [])),
            ("kommo: exact replay", () => Post(_context.KommoPath, Form, Pick([.. _context.GenuineKommoBodies])) with { Expect = Expectation.Duplicate }),
            ("ironclad: unsigned", () => Post("/webhooks/ironclad", Json, Pick([.. _context.Genuine]).Body)),
            ("ironclad: half-signed", HalfSigned),
            ("ironclad: malformed verification header", MalformedVerification),
            ("ironclad: forged signature", Forged),
            ("ironclad: tampered body", Tampered),
            ("ironclad: replayed signature", ReplayedSignature),
            ("ironclad: exact replay", ExactReplay),
            ("ironclad: wrong HMAC (seed dialect)", WrongHmac),
            ("ironclad: signed but malformed", SignedMalformed),
            ("ironclad: HMAC-signed but malformed", HmacSignedMalformed),
            ("ironclad: invalid body with signature headers", InvalidIroncladBody),
            ("ironclad: huge body", () => Huge("/webhooks/ironclad", Json)),
            ("ironclad: wrong content type", () => Post("/webhooks/ironclad", Pick("text/plain", "application/xml", null, Form), Pick([.. _context.Genuine]).Body)),
            ("dashboard: no token", () => Request(HttpMethod.Get, Pick([.. _context.DashboardPaths]), null, null)),
            ("dashboard: wrong token", DashboardWrongToken),
            ("dashboard: forged session cookie", DashboardForgedCookie),
            ("dashboard: admin action without token", DashboardAction),
            ("dashboard: path traversal", DashboardTraversal),
        ];
    }

    public IReadOnlyList<string> Categories => [.. _categories.Select(c => c.Name)];

    /// <summary><paramref name="count"/> requests, the categories taken in turn (a shuffled order per round).</summary>
    public IEnumerable<HostileRequest> Generate(int count)
    {
        var made = 0;
        while (made < count)
        {
            foreach (var (name, make) in _categories.OrderBy(_ => _random.Next()).ToList())
            {
                if (made++ >= count)
                {
                    yield break;
                }

                yield return make() with { Category = name };
            }
        }
    }

    // ---- Kommo ----

    private HostileRequest WrongKommoSecret()
    {
        var secret = _context.KommoSecret;
        var wrong = _random.Next(7) switch
        {
            0 => RandomText(_random.Next(1, 64)),
            1 => secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a'),
            2 => secret[..(_random.Next(1, secret.Length))],
            3 => secret + RandomText(_random.Next(1, 8)),
            4 => secret.ToUpperInvariant(),
            5 => " " + secret,
            _ => RandomText(5000),
        };
        return Post("/webhooks/kommo/" + Uri.EscapeDataString(wrong), Form, GenuineKommo());
    }

    private HostileRequest KommoTraversal()
    {
        var secret = Uri.EscapeDataString(_context.KommoSecret);
        var path = _random.Next(6) switch
        {
            0 => "/webhooks/kommo/..%2F..%2F" + secret,
            1 => "/webhooks/kommo/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            2 => $"/webhooks/kommo/{secret}%2F..%2F..%2Fetc%2Fpasswd",
            3 => $"/webhooks/kommo/{secret}%00",
            4 => $"/webhooks/kommo/{secret}/extra",
            _ => "/webhooks/kommo/%2Fetc%2Fpasswd",
        };
        return Post(path, Form, GenuineKommo());
    }

    private HostileRequest KommoWrongContentType()
    {
        var type = Pick("text/plain", "application/xml", "multipart/form-data; boundary=xyz", "application/octet-stream", null, "text/html", "application/x-www-form-urlencodedx", Json);
        return Post(_context.KommoPath, type, GenuineKommo());
    }

    /// <summary>A valid form cut anywhere before its lead's id is complete: an unclosed bracket, or a lead without an id.</summary>
    private HostileRequest TruncatedForm()
    {
        var id = _random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture);
        var body = $"leads[status][0][status_id]=142&leads[status][0][pipeline_id]=7&leads[status][0][id]={id}";
        var end = body.LastIndexOf('=');
        return Post(_context.KommoPath, Form, Encoding.UTF8.GetBytes(body[..(_random.Next("leads[".Length, end))]));
    }

    private HostileRequest TruncatedJson()
    {
        var body = $"{{\"leads\":{{\"status\":[{{\"id\":{_random.Next(1, 99999)},\"status_id\":142,\"pipeline_id\":7}}]}},\"account\":{{\"subdomain\":\"acme\"}}}}";
        return Post(_context.KommoPath, Json, Encoding.UTF8.GetBytes(body[..(_random.Next(1, body.Length))]));
    }

    private HostileRequest InvalidJson()
    {
        var body = Pick(
            "{", "}", "[", "nul", "{'leads':1}", "{\"leads\":{\"status\":[{\"id\":1,}]}}", "NaN", "{\"leads\":{\"status\":[{\"id\":1}]}} trailing",
            "\uFEFF{garbage", "{\"leads\":{\"status\":[{\"id\":1}]}/* comment */}", "{\"leads\" {}}", "\"unterminated", "{\"a\":\"\\x41\"}");
        return _random.Next(4) == 0 ? Post(_context.KommoPath, Json, RandomBytes(_random.Next(1, 512))) : Post(_context.KommoPath, Json, Encoding.UTF8.GetBytes(body));
    }

    private HostileRequest WrongJsonShape()
    {
        var body = Pick(
            "[]", "\"x\"", "1", "{}", "{\"leads\":[]}", "{\"leads\":{\"status\":{}}}", "{\"leads\":{\"status\":[1]}}",
            "{\"leads\":{\"status\":[{\"id\":0}]}}", "{\"leads\":{\"status\":[{\"id\":-5}]}}", "{\"leads\":{\"status\":[{\"id\":1.5}]}}",
            "{\"leads\":{\"status\":[{\"id\":\"../../etc/passwd\"}]}}", "{\"leads\":{\"status\":[{\"id\":99999999999999999999}]}}",
            "{\"leads\":{\"status\":[{\"status_id\":\"x\",\"id\":1}]}}", "{\"leads\":{\"status\":[{}]}}", "{\"leads\":{\"add\":[{\"id\":true}]}}",
            "{\"leads\":{\"status\":[{\"id\":1,\"pipeline_id\":[]}]}}", "null");
        return Post(_context.KommoPath, Json, Encoding.UTF8.GetBytes(body));
    }

    private HostileRequest NestedFormKey()
    {
        var depth = _random.Next(11, 200);
        var key = "leads[status][0]" + string.Concat(Enumerable.Range(0, depth).Select(i => $"[k{i % 10}]"));
        return Post(_context.KommoPath, Form, Encoding.UTF8.GetBytes($"{key}=1&leads[status][0][id]=1"));
    }

    /// <summary>More fields than any real webhook: 50,001 to 120,000 of them.</summary>
    private HostileRequest FieldBomb()
    {
        // Under the 1 MiB limit, so that the field count is what is refused.
        var field = Pick("a=", "leads[x]=1", "b[]=");
        var fields = _random.Next(50_001, Math.Min(120_000, (OneMiB / (field.Length + 1)) - 1));
        var body = new StringBuilder(fields * (field.Length + 1));
        for (var i = 0; i < fields; i++)
        {
            body.Append(field).Append('&');
        }

        return Post(_context.KommoPath, Form, Encoding.UTF8.GetBytes(body.ToString()));
    }

    /// <summary>More leads than a body may hold, across sections, or indexes beyond the limit.</summary>
    private HostileRequest LeadBomb()
    {
        var body = new StringBuilder();
        if (_random.Next(2) == 0)
        {
            foreach (var section in new[] { "status", "add" })
            {
                for (var i = 0; i < 1000; i++)
                {
                    body.Append(CultureInfo.InvariantCulture, $"leads[{section}][{i}][id]={i + 1}&");
                }
            }
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"leads[status][{_random.Next(1000, int.MaxValue)}][id]=1");
        }

        return Post(_context.KommoPath, Form, Encoding.UTF8.GetBytes(body.ToString()));
    }

    private HostileRequest MalformedKeys()
    {
        var body = Pick(
            "[status][0][id]=1", "leads[status]]0[[id]=1", "leads]]]][[[[=1", "leads[status][0][id=1", "leads[status][0]x[id]=1",
            "leads[sta[tus]][0][id]=1", "leads[status][-1][id]=1", "leads[status][a][id]=1", "leads[status][0][id]=1&leads[status][0=1",
            "leads[" + new string('a', _random.Next(513, 5000)) + "]=1");
        return Post(_context.KommoPath, Form, Encoding.UTF8.GetBytes(body));
    }

    private HostileRequest InvalidUtf8Json()
    {
        var (prefix, suffix) = Pick(
            ("{\"leads\":{\"status\":[{\"id\":\"1", "\"}]}}"),
            ("{\"account\":{\"subdomain\":\"", "\"},\"leads\":{\"status\":[{\"id\":1,\"status_id\":1}]}}"),
            ("{\"leads\":{\"", "\":[{\"id\":1}]}}"),
            ("{\"leads\":{\"status\":[{\"id\":1,\"name\":\"", "\"}]}}"));
        return Post(_context.KommoPath, Json, [.. Encoding.UTF8.GetBytes(prefix), .. BadUtf8(), .. Encoding.UTF8.GetBytes(suffix)]);
    }

    private HostileRequest KommoIdTraversal()
    {
        var id = Pick("../../../etc/passwd", "%2e%2e%2f1", "1/../2", "1%00", "1e3", "%201", "0x10", "1;DROP TABLE jobs", "..\\..\\win.ini", "1%2F..%2F2");
        var field = Pick("id", "status_id", "pipeline_id");
        var body = field == "id"
            ? $"leads[status][0][id]={Pick(id, "-1", "0")}"
            : $"leads[status][0][id]=5&leads[status][0][{field}]={id}";
        return Post(_context.KommoPath, Form, Encoding.UTF8.GetBytes(body));
    }

    // ---- Ironclad ----

    private HostileRequest HalfSigned()
    {
        var genuine = Pick([.. _context.Genuine]);
        return _random.Next(2) == 0
            ? Signed(genuine.Body, genuine.EventId, null)
            : Signed(genuine.Body, null, genuine.Verification);
    }

    private HostileRequest MalformedVerification()
    {
        var genuine = Pick([.. _context.Genuine]);
        var signature = Convert.ToBase64String(RandomBytes(256));
        var header = Pick(
            "garbage", "[]", "{}", "{\"nonce\":\"x\"}", $"{{\"signature\":\"{signature}\"}}", "{\"nonce\":\"x\",\"signature\":\"not base64!\"}",
            "{\"nonce\":\"x\",\"signature\":\"\"}", $"{{\"nonce\":\"x\",\"signature\":\"{signature}\",\"signAlgorithm\":\"sha1\"}}",
            $"{{\"nonce\":\"x\",\"signature\":\"{signature}\",\"encoding\":\"hex\"}}", $"{{\"nonce\":1,\"signature\":\"{signature}\"}}",
            "{\"nonce\":\"" + new string('n', 6000) + "\"", "{\"nonce\":\"x\",\"signature\":" + new string('[', 100) + "}");
        return Signed(genuine.Body, genuine.EventId, header);
    }

    private HostileRequest Forged()
    {
        var genuine = Pick([.. _context.Genuine]);
        return _random.Next(3) switch
        {
            0 => Signed(genuine.Body, genuine.EventId, HostileContext.Verification("abc", Convert.ToBase64String(RandomBytes(256)))),
            1 => Delivery(_context.Sign(Encoding.UTF8.GetString(genuine.Body), otherKey: true)),
            _ => Signed(Encoding.UTF8.GetBytes(EnvelopeJson("workflow_completed", "forged" + _random.Next())), genuine.EventId, genuine.Verification),
        };
    }

    private HostileRequest Tampered()
    {
        var genuine = Pick([.. _context.Genuine]);
        var text = Encoding.UTF8.GetString(genuine.Body);
        var tampered = _random.Next(4) switch
        {
            0 => text.Replace("\"workflowID\":\"", "\"workflowID\":\"x", StringComparison.Ordinal),
            1 => text.Replace("workflow_comment_added", "workflow_completed", StringComparison.Ordinal),
            2 => text.Replace("\"payload\":{", "\"payload\":{\"extra\":1,", StringComparison.Ordinal),
            _ => text.Replace("2026", "2027", StringComparison.Ordinal).Replace("\"companyID\":\"", "\"companyID\":\"0", StringComparison.Ordinal),
        };
        return Signed(Encoding.UTF8.GetBytes(tampered), genuine.EventId, genuine.Verification);
    }

    private HostileRequest ReplayedSignature()
    {
        var genuine = Pick([.. _context.Genuine]);
        return _random.Next(2) == 0
            ? Signed(genuine.Body, "webhookEvent" + Convert.ToHexStringLower(RandomBytes(16)), genuine.Verification)
            : Signed(genuine.Body, genuine.EventId, genuine.Verification.Replace("\"nonce\":\"", "\"nonce\":\"0", StringComparison.Ordinal));
    }

    private HostileRequest ExactReplay() =>
        _random.Next(3) == 0 && _context.GenuineSeedBodies.Count > 0
            ? SeedSigned(Pick([.. _context.GenuineSeedBodies])) with { Expect = Expectation.Duplicate }
            : Delivery(Pick([.. _context.Genuine])) with { Expect = Expectation.Duplicate };

    private HostileRequest WrongHmac()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf{_random.Next()}\",\"workflowStatus\":\"EXECUTED\"}}");
        var right = _context.SeedSignature(body);
        var signature = _random.Next(6) switch
        {
            0 => _context.SeedSignature(body, "wrong-secret-" + _random.Next()),
            1 => right[..^2],
            2 => "zz" + right[2..],
            3 => "sha256=" + _context.SeedSignature(body, _context.SeedSecret + "x"),
            4 => _context.SeedSignature(Encoding.UTF8.GetBytes("{}")),
            _ => right.ToUpperInvariant()[..^1] + (right[^1] == '0' ? '1' : '0'),
        };
        return Post("/webhooks/ironclad", Json, body, ("X-Ironclad-Signature", signature));
    }

    private HostileRequest SignedMalformed()
    {
        var body = Pick(
            "[]", "\"x\"", "1", "{}", "{\"payload\":[]}", "{\"payload\":{}}", "{\"payload\":{\"workflowID\":\"abc\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"../../etc/passwd\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"a%2Fb\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"" + new string('a', 65) + "\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"a b\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"ab\\u0000c\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"ünïcode\"}}",
            "{\"payload\":{\"event\":\"workflow_updated\",\"workflowID\":\"..\\\\..\\\\x\"}}");
        return Delivery(_context.Sign(body));
    }

    private HostileRequest HmacSignedMalformed()
    {
        byte[] body = _random.Next(4) switch
        {
            0 => Encoding.UTF8.GetBytes(Pick("{", "[]", "\"x\"", "{\"event\":\"workflow.state.changed\"}", "not json")),
            1 => Encoding.UTF8.GetBytes("{\"event\":\"workflow.state.changed\",\"workflowId\":\"" + Pick("../../etc/passwd", "a/b", "", new string('z', 65), "%2e%2e") + "\",\"workflowStatus\":\"EXECUTED\"}"),
            2 => [.. Encoding.UTF8.GetBytes("{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf"), .. BadUtf8(), .. Encoding.UTF8.GetBytes("\",\"workflowStatus\":\"EXECUTED\"}")],
            _ => [.. Encoding.UTF8.GetBytes("{\"event\":\"workflow.state.changed\",\"workflowId\":\"wf1\",\"workflowStatus\":\""), .. BadUtf8(), .. Encoding.UTF8.GetBytes("\"}")],
        };
        return SeedSigned(body);
    }

    private HostileRequest InvalidIroncladBody()
    {
        var genuine = Pick([.. _context.Genuine]);
        var text = Encoding.UTF8.GetString(genuine.Body);
        byte[] body = _random.Next(5) switch
        {
            0 => Encoding.UTF8.GetBytes(text[..(_random.Next(1, text.Length))]),
            1 => Nested(_random.Next(65, 100_000)),
            2 => [.. Encoding.UTF8.GetBytes("{\"payload\":{\"event\":\""), .. BadUtf8(), .. Encoding.UTF8.GetBytes("\"}}")],
            3 => Encoding.UTF8.GetBytes("{\"a\":1,\"a\":2}"),
            _ => RandomBytes(_random.Next(1, 400)),
        };
        return Signed(body, genuine.EventId, genuine.Verification);
    }

    // ---- Dashboard ----

    private HostileRequest DashboardWrongToken()
    {
        var token = _random.Next(3) switch
        {
            0 => _context.AdminToken[..^1],
            1 => _context.AdminToken + "x",
            _ => RandomText(32),
        };
        return Request(HttpMethod.Get, Pick([.. _context.DashboardPaths]), null, null, ("Authorization", "Bearer " + token));
    }

    private HostileRequest DashboardForgedCookie()
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var cookie = $"cb_dashboard={expires}.{RandomText(24)}.{RandomText(43)}";
        return Request(HttpMethod.Get, Pick([.. _context.DashboardPaths]), null, null, ("Cookie", cookie));
    }

    private HostileRequest DashboardAction()
    {
        var path = Pick("/jobs/1/replay", "/jobs/replay-dead", "/logout", "/login", "/jobs/999999/replay");
        var body = path == "/login" ? $"token={Uri.EscapeDataString(_context.AdminToken[..^1])}" : "csrf=" + RandomText(20);
        return Post(path, Form, Encoding.UTF8.GetBytes(body));
    }

    private HostileRequest DashboardTraversal()
    {
        var path = Pick(
            "/jobs/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fappsettings.json", "/jobs/1%2F..%2F..%2F",
            "/contracts/..%5C..%5Cwindows", "/events?id=../../etc/passwd", "/jobs/-1", "/jobs/99999999999999999999", "/jobs/1%00");
        return Request(HttpMethod.Get, path, null, null);
    }

    // ---- Building blocks ----

    private HostileRequest Huge(string path, string contentType)
    {
        var size = OneMiB + 1 + _random.Next(0, OneMiB);
        var body = new byte[size];
        Array.Fill(body, (byte)'a');
        return Request(HttpMethod.Post, path, contentType, body, _random.Next(2) == 0 ? [] : [("X-Ironclad-Webhook-Event-Id", "x")]) with { Chunked = _random.Next(2) == 0 };
    }

    private byte[] GenuineKommo() =>
        _context.GenuineKommoBodies.Count > 0 ? Pick([.. _context.GenuineKommoBodies]) : Encoding.UTF8.GetBytes("leads[status][0][id]=1&leads[status][0][status_id]=1");

    private static byte[] Nested(int depth) =>
        Encoding.UTF8.GetBytes("{\"leads\":" + new string('[', depth) + new string(']', depth) + "}");

    private static string EnvelopeJson(string eventName, string workflowId) =>
        $"{{\"companyID\":\"605b9829cdd37d296123f4b4\",\"payload\":{{\"event\":\"{eventName}\",\"templateID\":\"t1\",\"workflowID\":\"{workflowId}\"}},\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"webhookID\":\"w1\"}}";

    private byte[] InvalidUtf8(string prefix) => [.. Encoding.UTF8.GetBytes(prefix), .. BadUtf8()];

    /// <summary>Bytes that are not UTF-8: a stray continuation byte, an overlong form, an encoded surrogate, a cut sequence.</summary>
    private byte[] BadUtf8() => Pick<byte[]>([0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]);

    private static HostileRequest Delivery(SignedDelivery delivery) => Signed(delivery.Body, delivery.EventId, delivery.Verification);

    private static HostileRequest Signed(byte[] body, string? eventId, string? verification)
    {
        var headers = new List<(string, string)>();
        if (eventId is not null)
        {
            headers.Add(("X-Ironclad-Webhook-Event-Id", eventId));
        }

        if (verification is not null)
        {
            headers.Add(("X-Ironclad-Webhook-Verification", verification));
        }

        return Post("/webhooks/ironclad", Json, body, [.. headers]);
    }

    private HostileRequest SeedSigned(byte[] body) => Post("/webhooks/ironclad", Json, body, ("X-Ironclad-Signature", _context.SeedSignature(body)));

    private static HostileRequest Post(string path, string? contentType, byte[] body, params (string Name, string Value)[] headers) =>
        Request(HttpMethod.Post, path, contentType, body, headers);

    private static HostileRequest Request(HttpMethod method, string path, string? contentType, byte[]? body, params (string Name, string Value)[] headers) =>
        new(string.Empty, method, path, contentType, body, [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))]);

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private string RandomText(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        return string.Create(length, _random, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[random.Next(alphabet.Length)];
            }
        });
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
