namespace ContractBridge.Upstream;

public enum UpstreamService
{
    Kommo,
    Ironclad,
}
