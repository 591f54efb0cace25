namespace ContractBridge.Web.Dashboard;

/// <summary>Reads a posted form, or null when the body is not a readable form: a malformed body is the client's mistake (4xx), never a 500.</summary>
public static class DashboardForms
{
    public static async Task<IFormCollection?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }
}
