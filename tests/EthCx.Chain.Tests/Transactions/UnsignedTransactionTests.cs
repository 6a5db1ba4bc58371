using System.Numerics;
using System.Text.Json.Nodes;
using EthCx.Chain.Primitives;
using EthCx.Chain.Transactions;

namespace EthCx.Chain.Tests.Transactions;

public class UnsignedTransactionTests
{
    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    // The example in EIP-155 itself.
    internal static LegacyTransaction Eip155Example { get; } = new()
    {
        ChainId = 1,
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21_000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = OneEther,
    };

    [Fact]
    public void Eip155_example_signing_payload_and_hash()
    {
        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080", Hex.Encode(Eip155Example.EncodeUnsigned()));
        Assert.Equal(Bytes32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"), Eip155Example.GetSigningHash());
    }

    [Fact]
    public void Pre_eip155_legacy_signs_six_fields()
    {
        LegacyTransaction unprotected = Eip155Example with { ChainId = null };

        Assert.Equal("0xe9098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080", Hex.Encode(unprotected.EncodeUnsigned()));
    }

    [Fact]
    public void Contract_creation_encodes_an_empty_to()
    {
        var create = new Eip1559Transaction
        {
            ChainId = 5,
            Nonce = 1,
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = 2,
            GasLimit = 21_000,
            To = null,
            AccessList = new AccessList(new AccessListEntry(Address.Parse("0x3535353535353535353535353535353535353535"), Bytes32.Parse("0x" + new string('0', 63) + "1"))),
        };

        // ethers.Transaction.from({...}).unsignedSerialized for the same fields.
        Assert.Equal("0x02f84405010102825208808080f838f7943535353535353535353535353535353535353535e1a00000000000000000000000000000000000000000000000000000000000000001", Hex.Encode(create.EncodeUnsigned()));
    }

    [Fact]
    public void Random_transactions_match_ethers_unsigned_serialization_and_hash()
    {
        var random = new Random(1559);
        var transactions = new List<Transaction>();
        foreach (TransactionType type in Enum.GetValues<TransactionType>())
        {
            for (int i = 0; i < 12; i++)
            {
                transactions.Add(TransactionSamples.Random(random, type));
            }
        }

        string[] expected = TransactionSamples.RunEthers(
            new JsonArray([.. transactions.Select(tx => (JsonNode)TransactionSamples.ToEthers(tx))]),
            "const t = ethers.Transaction.from(item); return t.unsignedSerialized + ' ' + t.unsignedHash;");

        for (int i = 0; i < transactions.Count; i++)
        {
            Assert.Equal(expected[i], Hex.Encode(transactions[i].EncodeUnsigned()) + " " + transactions[i].GetSigningHash());
        }
    }

    [Fact]
    public void Equality_is_by_value_including_data_and_access_list()
    {
        var random = new Random(5);
        foreach (TransactionType type in Enum.GetValues<TransactionType>())
        {
            Transaction a = TransactionSamples.Random(random, type);
            Transaction b = a with { Data = a.Data.ToArray() };

            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.NotEqual(a, a with { Data = new byte[] { 1, 2, 3 } });
            Assert.NotEqual(a, a with { Nonce = a.Nonce + 1 });
        }

        var list = new AccessList(new AccessListEntry(Address.Zero, Bytes32.Zero));
        Eip1559Transaction tx = (Eip1559Transaction)TransactionSamples.Random(random, TransactionType.Eip1559) with { AccessList = list };
        Assert.Equal(tx, tx with { AccessList = new AccessList(new AccessListEntry(Address.Zero, Bytes32.Zero)) });
        Assert.NotEqual(tx, tx with { AccessList = AccessList.Empty });
        Assert.NotEqual<Transaction>(Eip155Example, Eip155Example with { ChainId = null });
    }

    [Fact]
    public void Data_is_copied_on_init()
    {
        byte[] data = [1, 2, 3];
        LegacyTransaction tx = Eip155Example with { Data = data };

        data[0] = 9;

        Assert.Equal("0x010203", Hex.Encode(tx.Data.Span));
    }

    [Fact]
    public void Amounts_outside_uint256_are_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Eip155Example with { Value = EvmInteger.MaxUInt256 + 1 });
        Assert.Equal("Value", error.ParamName);
        Assert.Equal("GasPrice", Assert.Throws<ArgumentOutOfRangeException>(() => Eip155Example with { GasPrice = -1 }).ParamName);
    }

    [Fact]
    public void ToString_shows_every_field_with_data_as_hex()
    {
        Assert.Equal(
            "LegacyTransaction { Type = Legacy, Nonce = 9, GasLimit = 21000, To = 0x3535353535353535353535353535353535353535, Value = 1000000000000000000, Data = 0x0102, ChainId = 1, GasPrice = 20000000000 }",
            (Eip155Example with { Data = new byte[] { 1, 2 } }).ToString());
        var create = new Eip1559Transaction { ChainId = 5, Nonce = 0, MaxPriorityFeePerGas = 1, MaxFeePerGas = 2, GasLimit = 53_000, To = null };
        Assert.Equal(
            "Eip1559Transaction { Type = Eip1559, Nonce = 0, GasLimit = 53000, To = (contract creation), Value = 0, Data = 0x, ChainId = 5, MaxPriorityFeePerGas = 1, MaxFeePerGas = 2, AccessList = [] }",
            create.ToString());
    }
}
