using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Contracts;

/// <summary>A contract deployed by <see cref="ChainClient.DeployAsync"/>.</summary>
/// <param name="Address">The new contract's address.</param>
/// <param name="Receipt">The receipt of the creation transaction.</param>
public sealed record DeploymentResult(Address Address, TransactionReceipt Receipt);
