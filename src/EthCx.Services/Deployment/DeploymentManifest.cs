using EthCx.Chain.Primitives;

namespace EthCx.Services.Deployment;

/// <summary>
/// What was deployed on one chain, as <c>deployments/&lt;chainId&gt;.json</c> records it. A manifest is only trusted on
/// the chain it describes: same chain id, same genesis block hash, and the contracts' code still at their addresses.
/// </summary>
public sealed record DeploymentManifest
{
    /// <summary>The manifest format version (1).</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The chain id.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>The hash of the chain's genesis block: a reset node has another one.</summary>
    public required Bytes32 GenesisHash { get; init; }

    /// <summary>The account that deployed the contracts and is their admin.</summary>
    public required Address Deployer { get; init; }

    /// <summary>When the manifest last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The deployed contracts, in deployment order.</summary>
    public required IReadOnlyList<DeployedContract> Contracts { get; init; }

    /// <summary>The roles granted, in grant order.</summary>
    public IReadOnlyList<RoleGrantRecord> Roles { get; init; } = [];

    /// <summary>The loyalty tier thresholds set.</summary>
    public IReadOnlyList<uint> TierThresholds { get; init; } = [];

    /// <summary>The deployed contract of the given kind.</summary>
    /// <param name="contract">The contract.</param>
    /// <returns>Its record.</returns>
    /// <exception cref="IncompleteDeploymentException">The manifest has no such contract (a deployment stopped before it).</exception>
    public DeployedContract Get(EthCxContract contract) =>
        Contracts.FirstOrDefault(c => c.Name == contract) ?? throw new IncompleteDeploymentException(ChainId, contract);

    /// <summary>The address of the given contract.</summary>
    /// <param name="contract">The contract.</param>
    /// <returns>Its address.</returns>
    /// <exception cref="IncompleteDeploymentException">The manifest has no such contract (a deployment stopped before it).</exception>
    public Address AddressOf(EthCxContract contract) => Get(contract).Address;

    /// <summary>Value equality, including the contents of the lists.</summary>
    /// <param name="other">The other manifest.</param>
    /// <returns>Whether both describe the same deployment, field by field.</returns>
    public bool Equals(DeploymentManifest? other) =>
        other is not null
        && SchemaVersion == other.SchemaVersion
        && ChainId == other.ChainId
        && GenesisHash == other.GenesisHash
        && Deployer == other.Deployer
        && UpdatedAt == other.UpdatedAt
        && Contracts.SequenceEqual(other.Contracts)
        && Roles.SequenceEqual(other.Roles)
        && TierThresholds.SequenceEqual(other.TierThresholds);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ChainId, GenesisHash, Deployer, UpdatedAt, Contracts.Count, Roles.Count);
}

/// <summary>One deployed contract.</summary>
/// <param name="Name">Which contract.</param>
/// <param name="Address">Its address.</param>
/// <param name="TransactionHash">The creation transaction.</param>
/// <param name="BlockNumber">The block of the creation transaction.</param>
/// <param name="BytecodeHash">keccak256 of the creation bytecode (without constructor arguments) of the bindings that deployed it.</param>
/// <param name="ConstructorArgumentsHash">keccak256 of the ABI-encoded constructor arguments.</param>
/// <param name="RuntimeCodeHash">keccak256 of the code at the address right after deployment (<c>eth_getCode</c>).</param>
public sealed record DeployedContract(
    EthCxContract Name,
    Address Address,
    Bytes32 TransactionHash,
    ulong BlockNumber,
    Bytes32 BytecodeHash,
    Bytes32 ConstructorArgumentsHash,
    Bytes32 RuntimeCodeHash);

/// <summary>A role held on one of the contracts.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Role">The role's Solidity name (e.g. <c>CARRIER_ROLE</c>).</param>
/// <param name="Account">The account holding it.</param>
/// <param name="TransactionHash">The grant transaction; null when the account already held the role.</param>
public sealed record RoleGrantRecord(EthCxContract Contract, string Role, Address Account, Bytes32? TransactionHash);
