using System.Numerics;

namespace EthCx.Chain.Fees;

/// <summary>EIP-1559 fees for the next transactions, in wei per gas.</summary>
/// <param name="BaseFeePerGas">The next block's base fee, as the node reported it.</param>
/// <param name="MaxPriorityFeePerGas">The tip offered to the block producer.</param>
/// <param name="MaxFeePerGas">The most paid per gas: the base fee with head room, plus the tip.</param>
public sealed record FeeSuggestion(BigInteger BaseFeePerGas, BigInteger MaxPriorityFeePerGas, BigInteger MaxFeePerGas);
