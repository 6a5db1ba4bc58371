using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Cli.Input;

/// <summary>A call read from the command line.</summary>
/// <param name="To">The target.</param>
/// <param name="Function">The function, when a signature was given (its outputs decode the result).</param>
/// <param name="Data">The calldata.</param>
/// <param name="Value">The wei sent along.</param>
internal sealed record CallInput(Address To, AbiFunction? Function, byte[] Data, BigInteger Value);
