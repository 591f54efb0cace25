namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Body of <c>POST /_sim/workflows/{id}/documents</c>: a document's file name, and whether it joins the signature packet.</summary>
public sealed record AddDocumentRequest(string Filename, bool SignaturePacket = true);
