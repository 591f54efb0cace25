using System.Reflection;
using Xunit.Sdk;

namespace ContractBridge.Tests.Support;

/// <summary>
/// Feeds a theory one case per recorded payload of a service (its file name, read with <see cref="Payload.Read"/>), so a
/// payload added to the folder is tested by every theory that lists it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PayloadFilesAttribute(string service) : DataAttribute
{
    public string Service { get; } = service;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var names = Payload.FileNames(Service);
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"No payload files in {Payload.Folder(Service)}: is the folder copied to the output?");
        }

        return names.Select(name => new object[] { name });
    }
}
