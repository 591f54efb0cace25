namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>The errors of one item of a (batch) request, keyed by its <c>request_id</c> ("0", "1", ... unless the client sent one).</summary>
internal sealed record RequestValidationErrors(string RequestId, IReadOnlyList<ValidationError> Errors);
