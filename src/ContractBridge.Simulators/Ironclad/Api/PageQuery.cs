using System.Globalization;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// The paging parameters of Ironclad's lists (<c>QueryPageNumber</c>, <c>QueryPageSize</c> in the OpenAPI description):
/// <c>page</c> from 0, <c>pageSize</c> 20 by default and at most 100; a value out of range is 400 INVALID_PARAM.
/// </summary>
public static class PageQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static int Page(HttpContext context) => Number(context, "page", 0, 0, int.MaxValue);

    public static int PageSize(HttpContext context) => Number(context, "pageSize", DefaultPageSize, 1, MaxPageSize);

    private static int Number(HttpContext context, string name, int fallback, int min, int max)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"{name} must be an integer from {min} to {max}", name));
    }
}
