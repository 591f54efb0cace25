namespace ContractBridge.Web.Dashboard.Components;

/// <summary>The dashboard's one style sheet, inline: the pages' CSP allows inline styles and nothing else.</summary>
internal static class DashboardStyle
{
    public const string Css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
        header{background:#1d2430;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
        header a{color:#cfe0ff;text-decoration:none}header strong{margin-right:12px}
        header form{margin-left:auto}main{padding:16px 24px;max-width:1400px}
        h1{font-size:20px}h2{font-size:16px;margin-top:28px}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
        th{background:#eef1f5;font-weight:600}td.error{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap;max-width:560px;overflow-wrap:anywhere}
        .cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #e3e6ea;padding:8px 14px;min-width:90px}
        .card b{display:block;font-size:20px}.notice{background:#e7f6ec;border:1px solid #9bd3ae;padding:8px 12px}
        .problem{background:#fdecec;border:1px solid #e9a3a3;padding:8px 12px}.muted{color:#6b7380}
        button{cursor:pointer}pre{background:#fff;border:1px solid #e3e6ea;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}
        form.inline{display:inline}label{display:inline-block;margin:4px 12px 4px 0}input,select{font:inherit}
        """;
}
