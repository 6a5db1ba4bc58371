using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Services.Deployment;

/// <summary>The chain facts a manifest is checked against: the genesis hash and the code at an address.</summary>
internal static class ChainInspection
{
    public static async Task<Bytes32> GenesisHashAsync(EthRpcClient rpc, CancellationToken cancellationToken)
    {
        Block genesis = await rpc.GetBlockByNumberAsync(0UL, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The node has no genesis block (block 0).");
        return genesis.Hash ?? throw new InvalidOperationException("The node returned the genesis block without its hash.");
    }

    /// <summary>keccak256 of the code at the address; null when there is no code.</summary>
    public static async Task<Bytes32?> CodeHashAsync(EthRpcClient rpc, Address address, CancellationToken cancellationToken)
    {
        byte[] code = await rpc.GetCodeAsync(address, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        return code.Length == 0 ? null : Bytes32.Keccak(code);
    }

    /// <summary>Why the manifest does not describe the chain any more, or null when it still does.</summary>
    public static async Task<string?> StaleReasonAsync(EthRpcClient rpc, DeploymentManifest manifest, ulong chainId, Bytes32 genesis, CancellationToken cancellationToken)
    {
        if (manifest.ChainId != chainId)
        {
            return $"it is for chain {manifest.ChainId} but the node is on chain {chainId}";
        }

        if (manifest.GenesisHash != genesis)
        {
            return $"the node was reset (its genesis block is {genesis}, the manifest's {manifest.GenesisHash})";
        }

        foreach (DeployedContract contract in manifest.Contracts)
        {
            Bytes32? code = await CodeHashAsync(rpc, contract.Address, cancellationToken).ConfigureAwait(false);
            if (code is null)
            {
                return $"there is no code at {contract.Address} ({contract.Name}) any more";
            }

            if (code != contract.RuntimeCodeHash)
            {
                return $"the code at {contract.Address} ({contract.Name}) is not the code deployed there";
            }
        }

        return null;
    }
}
