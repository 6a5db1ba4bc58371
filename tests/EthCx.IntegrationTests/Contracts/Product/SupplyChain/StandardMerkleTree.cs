using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Contracts.SupplyChainTracker;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>
/// OpenZeppelin's StandardMerkleTree (@openzeppelin/merkle-tree) over EPCIS events, rebuilt here: leaves are
/// keccak256(keccak256(abi.encode(event))), sorted; the tree is an array with the leaves at its end in reverse order
/// and each inner node the hash of its two children sorted (the order MerkleProof verifies in).
/// </summary>
internal sealed class StandardMerkleTree
{
    private static readonly AbiType EventTuple = AbiType.Parse("(bytes32,uint8,uint8,uint8,uint64,bytes32,bytes32)");

    private readonly Bytes32[] _tree;

    public StandardMerkleTree(IEnumerable<EpcisEvent> events)
    {
        Bytes32[] leaves = [.. events.Select(Leaf).Order()];
        _tree = new Bytes32[(2 * leaves.Length) - 1];
        for (int i = 0; i < leaves.Length; i++)
        {
            _tree[_tree.Length - 1 - i] = leaves[i];
        }

        for (int i = _tree.Length - 1 - leaves.Length; i >= 0; i--)
        {
            _tree[i] = HashPair(_tree[(2 * i) + 1], _tree[(2 * i) + 2]);
        }
    }

    public Bytes32 Root => _tree[0];

    /// <summary>The leaf of an event, as the tracker's eventLeaf computes it.</summary>
    public static Bytes32 Leaf(EpcisEvent epcisEvent) =>
        Bytes32.Keccak(Bytes32.Keccak(AbiEncoder.Encode(EventTuple, epcisEvent.ToAbiValues())).Bytes);

    /// <summary>The sibling hashes from the event's leaf up to the root.</summary>
    public IReadOnlyList<Bytes32> Proof(EpcisEvent epcisEvent)
    {
        int index = Array.IndexOf(_tree, Leaf(epcisEvent));
        if (index < 0)
        {
            throw new ArgumentException("The event is not in the tree.", nameof(epcisEvent));
        }

        var proof = new List<Bytes32>();
        while (index > 0)
        {
            proof.Add(_tree[index % 2 == 1 ? index + 1 : index - 1]);
            index = (index - 1) / 2;
        }

        return proof;
    }

    private static Bytes32 HashPair(Bytes32 a, Bytes32 b) => Bytes32.Keccak(a < b ? [.. a.Bytes, .. b.Bytes] : [.. b.Bytes, .. a.Bytes]);
}
