using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractBridge.Web.Dashboard.Components;

/// <summary>
/// A dashboard answer drawn by a Razor component on the server (static rendering: no circuit, no script), with the
/// status code the request deserves. The gate in front of every dashboard route adds the security headers.
/// </summary>
public static class DashboardPages
{
    /// <param name="parameters">The component's parameters by name, e.g. <c>new { Title = "Jobs", Session = session }</c>.</param>
    public static IResult Render<TComponent>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = statusCode, ContentType = "text/html; charset=utf-8" };

    public static IResult Problem(int statusCode, string title, string message, DashboardSession? session) =>
        Render<ProblemPage>(new { Title = title, Message = message, Session = session }, statusCode);
}
