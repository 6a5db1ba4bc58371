using System.Numerics;
using System.Text.Json.Nodes;
using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Transactions;

namespace EthCx.Chain.Tests.Transactions;

public class SignedTransactionTests
{
    private const string Eip155SignedRaw = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly Address Eip155Sender = Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");

    internal static PrivateKeySigner Eip155Key() => PrivateKeySigner.FromHex("0x" + string.Concat(Enumerable.Repeat("46", 32)));

    [Fact]
    public async Task Eip155_example_signs_to_the_published_raw_transaction()
    {
        using PrivateKeySigner key = Eip155Key();

        SignedTransaction signed = await UnsignedTransactionTests.Eip155Example.SignAsync(key);

        Assert.Equal(Eip155SignedRaw, signed.ToHex());
        Assert.Equal(new BigInteger(37), signed.V);
        Assert.Equal(Eip155Sender, signed.Sender);
        Assert.Equal(Bytes32.Keccak(Hex.Decode(Eip155SignedRaw)), signed.Hash);
        Assert.Equal(Bytes32.Parse("0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"), signed.Signature.R);
    }

    [Fact]
    public void Eip155_example_decodes_to_its_fields_and_sender()
    {
        SignedTransaction decoded = TransactionDecoder.Decode(Hex.Decode(Eip155SignedRaw));

        Assert.Equal<Transaction>(UnsignedTransactionTests.Eip155Example, decoded.Transaction);
        Assert.Equal(Eip155Sender, decoded.Sender);
        Assert.Equal(Eip155SignedRaw, decoded.ToHex());
    }

    [Fact]
    public async Task Pre_eip155_transaction_uses_v_27_or_28_and_matches_ethers()
    {
        using PrivateKeySigner key = Eip155Key();
        LegacyTransaction unprotected = UnsignedTransactionTests.Eip155Example with { ChainId = null };

        SignedTransaction signed = await unprotected.SignAsync(key);

        // ethers: new Wallet(0x46..46).signTransaction({ type: 0, chainId: 0, ...same fields })
        Assert.Equal("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000801ba08383adc8b8ae116f918fb44ca7ff9dfd8012596a5c130c6246a2cc717ba41cdaa053ddfacf5bd4aa7e46d1575acf52636ea659b91f29e2fb91c75567a279738f38", signed.ToHex());
        Assert.Equal(new BigInteger(27), signed.V);
        Assert.Equal(Bytes32.Parse("0x9eb247ec381302e0ac0c3c8d8d14969bb49d31ae3d266274d3112e1a86585d94"), signed.Hash);
        SignedTransaction decoded = TransactionDecoder.Decode(signed.RawTransaction.Span);
        Assert.Null(((LegacyTransaction)decoded.Transaction).ChainId);
        Assert.Equal(Eip155Sender, decoded.Sender);
    }

    [Fact]
    public async Task Random_transactions_and_keys_match_ethers_byte_for_byte_and_decode_back()
    {
        var random = new Random(2718);
        var cases = new List<(Transaction Transaction, PrivateKeySigner Key)>();
        foreach (TransactionType type in Enum.GetValues<TransactionType>())
        {
            for (int i = 0; i < 10; i++)
            {
                cases.Add((TransactionSamples.Random(random, type), RandomKey(random)));
            }
        }

        try
        {
            string[] ethers = TransactionSamples.RunEthers(
                new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
                {
                    ["key"] = Hex.Encode(c.Key.ExportPrivateKey()),
                    ["tx"] = TransactionSamples.ToEthers(c.Transaction),
                })]),
                """
                const raw = await new ethers.Wallet(item.key).signTransaction(item.tx);
                const parsed = ethers.Transaction.from(raw);
                return [raw, parsed.hash, parsed.from].join(" ");
                """);

            for (int i = 0; i < cases.Count; i++)
            {
                (Transaction transaction, PrivateKeySigner key) = cases[i];
                string[] expected = ethers[i].Split(' ');

                SignedTransaction signed = await transaction.SignAsync(key);
                Assert.Equal(expected[0], signed.ToHex());
                Assert.Equal(expected[1], signed.Hash.ToString());
                Assert.Equal(expected[2], signed.Sender.ToString());

                SignedTransaction decoded = TransactionDecoder.Decode(Hex.Decode(expected[0]));
                Assert.Equal(transaction, decoded.Transaction);
                Assert.Equal(key.Address, decoded.Sender);
                Assert.Equal(signed.Signature, decoded.Signature);
                Assert.Equal(signed, decoded);
            }
        }
        finally
        {
            cases.ForEach(c => c.Key.Dispose());
        }
    }

    [Fact]
    public async Task Decode_of_serialize_is_identity_for_every_type()
    {
        var random = new Random(155);
        foreach (TransactionType type in Enum.GetValues<TransactionType>())
        {
            for (int i = 0; i < 20; i++)
            {
                using PrivateKeySigner key = RandomKey(random);
                Transaction transaction = TransactionSamples.Random(random, type);

                SignedTransaction signed = await transaction.SignAsync(key);
                SignedTransaction decoded = TransactionDecoder.Decode(signed.RawTransaction.Span);

                Assert.Equal(transaction, decoded.Transaction);
                Assert.Equal(type, decoded.Transaction.Type);
                Assert.Equal(signed.Hash, decoded.Hash);
                Assert.Equal(key.Address, decoded.Sender);
                Assert.Equal(signed.V, decoded.V);
            }
        }
    }

    [Fact]
    public void With_signature_recovers_the_sender_of_an_external_signature()
    {
        using PrivateKeySigner key = Eip155Key();
        Signature signature = key.SignHash(UnsignedTransactionTests.Eip155Example.GetSigningHash());

        SignedTransaction signed = UnsignedTransactionTests.Eip155Example.WithSignature(signature);

        Assert.Equal(Eip155SignedRaw, signed.ToHex());
        Assert.Equal(key.Address, signed.Sender);
    }

    [Fact]
    public async Task A_signer_whose_signature_recovers_to_another_address_is_rejected()
    {
        using PrivateKeySigner key = Eip155Key();
        var faulty = new FlippedParitySigner(key);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await UnsignedTransactionTests.Eip155Example.SignAsync(faulty));

        Assert.StartsWith($"Signer {Eip155Sender} returned a signature that recovers to 0x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_honours_cancellation()
    {
        using PrivateKeySigner key = Eip155Key();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await UnsignedTransactionTests.Eip155Example.SignAsync(key, cancelled.Token));
    }

    internal static PrivateKeySigner RandomKey(Random random)
    {
        byte[] bytes = TransactionSamples.RandomBytes(random, 32);
        while (!Secp256k1.IsValidPrivateKey(bytes))
        {
            random.NextBytes(bytes);
        }

        return new PrivateKeySigner(bytes);
    }

    /// <summary>A broken signer (as a misconfigured KMS might be): right r and s, wrong recovery id.</summary>
    internal sealed class FlippedParitySigner(PrivateKeySigner inner) : ISigner
    {
        public Address Address => inner.Address;

        public async ValueTask<Signature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default)
        {
            Signature signature = await inner.SignHashAsync(hash, cancellationToken);
            return signature with { YParity = (byte)(1 - signature.YParity) };
        }
    }
}
