namespace EthCx.Chain.Rpc;

/// <summary>
/// The result type of a request whose answer carries no information (e.g. <c>evm_mine</c>, which
/// nodes answer with <c>"0"</c>, <c>"0x0"</c> or <see langword="null"/>): only success or failure matters.
/// </summary>
public readonly record struct RpcVoid;
