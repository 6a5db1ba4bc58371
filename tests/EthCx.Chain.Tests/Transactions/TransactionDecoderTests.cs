using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;
using EthCx.Chain.Transactions;

namespace EthCx.Chain.Tests.Transactions;

public class TransactionDecoderTests
{
    private static readonly Lazy<SignedTransaction> Sample = new(() =>
    {
        using PrivateKeySigner key = SignedTransactionTests.Eip155Key();
        var transaction = new Eip1559Transaction
        {
            ChainId = 1,
            Nonce = 7,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 30_000_000_000,
            GasLimit = 50_000,
            To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = 1,
            Data = new byte[] { 0xa9, 0x05, 0x9c, 0xbb },
            AccessList = new AccessList(new AccessListEntry(Address.Parse("0x3535353535353535353535353535353535353535"), Bytes32.Zero)),
        };
        return transaction.SignAsync(key).AsTask().GetAwaiter().GetResult();
    });

    private static readonly Lazy<SignedTransaction> LegacySample = new(() => TransactionDecoder.Decode(Hex.Decode(
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83")));

    [Fact]
    public void Empty_input()
    {
        AssertError([], TransactionDecodeErrorKind.EmptyInput, null, "The raw transaction is empty.");
    }

    [Theory]
    [InlineData((byte)0x00)]
    [InlineData((byte)0x03)]
    [InlineData((byte)0x04)]
    [InlineData((byte)0x7f)]
    public void Unknown_type_byte(byte type)
    {
        byte[] raw = [type, .. Sample.Value.RawTransaction.Span[1..]];

        AssertError(raw, TransactionDecodeErrorKind.UnknownType, null, $"Unknown transaction type 0x{type:x2}; EthCx decodes legacy, 0x01 (EIP-2930) and 0x02 (EIP-1559) transactions.");
    }

    [Fact]
    public void A_leading_rlp_string_is_not_a_transaction()
    {
        AssertError(Hex.Decode("0x83646f67"), TransactionDecodeErrorKind.InvalidEnvelope, null, "A raw transaction starts with a type byte (below 0x80) or an RLP list (0xc0 and above), not 0x83.");
    }

    [Fact]
    public void Typed_payload_must_be_a_list()
    {
        AssertError(Hex.Decode("0x0283646f67"), TransactionDecodeErrorKind.InvalidEnvelope, null, "The EIP-1559 transaction payload is an RLP byte string, not a list.");
    }

    [Fact]
    public void Trailing_bytes_after_the_envelope()
    {
        byte[] raw = [.. Sample.Value.RawTransaction.Span, 0x00];

        var error = AssertError(raw, TransactionDecodeErrorKind.InvalidEnvelope, null, $"The EIP-1559 transaction is not valid RLP: RLP item ends at offset {raw.Length - 1} but the input has 1 more bytes.");
        Assert.Equal(RlpErrorKind.TrailingBytes, Assert.IsType<RlpException>(error.InnerException).Kind);
    }

    [Fact]
    public void Truncated_envelope()
    {
        byte[] raw = Sample.Value.RawTransaction.Span[..^1].ToArray();

        var error = AssertError(raw, TransactionDecodeErrorKind.InvalidEnvelope, null, null);
        Assert.Equal(RlpErrorKind.Truncated, Assert.IsType<RlpException>(error.InnerException).Kind);
    }

    [Fact]
    public void Wrong_field_count()
    {
        IReadOnlyList<RlpItem> fields = Fields(Sample.Value);

        AssertError(Typed(2, fields.Take(11)), TransactionDecodeErrorKind.WrongFieldCount, null, "A signed EIP-1559 transaction has 12 fields, not 11.");
        AssertError(Typed(1, fields), TransactionDecodeErrorKind.WrongFieldCount, null, "A signed EIP-2930 transaction has 11 fields, not 12.");
        AssertError(RlpItem.List(Fields(LegacySample.Value).Take(6)).Encode(), TransactionDecodeErrorKind.WrongFieldCount, null, "A signed legacy transaction has 9 fields, not 6.");
    }

    [Fact]
    public void Integer_with_leading_zero_is_non_canonical()
    {
        byte[] raw = Replace(Sample.Value, 1, RlpItem.FromBytes([0x00, 0x07]));

        var error = AssertError(raw, TransactionDecodeErrorKind.InvalidField, "nonce", "The EIP-1559 transaction's nonce: RLP integer at offset 4 has a leading zero byte; integers are minimal big-endian and zero is 0x80.");
        Assert.Equal(RlpErrorKind.LeadingZeroInInteger, Assert.IsType<RlpException>(error.InnerException).Kind);
    }

    [Fact]
    public void Chain_id_and_gas_limit_must_fit_64_bits()
    {
        AssertError(Replace(Sample.Value, 0, RlpItem.FromBytes([1, 0, 0, 0, 0, 0, 0, 0, 0])), TransactionDecodeErrorKind.InvalidField, "chainId", "The EIP-1559 transaction's chainId: RLP integer at offset 3 has 9 bytes, too many for a 64-bit integer (8 at most).");
        AssertError(Replace(Sample.Value, 4, RlpItem.FromBytes(new byte[9] { 1, 0, 0, 0, 0, 0, 0, 0, 0 })), TransactionDecodeErrorKind.InvalidField, "gasLimit", null);
    }

    [Fact]
    public void Amount_must_fit_uint256()
    {
        byte[] tooBig = new byte[33];
        tooBig[0] = 1;

        AssertError(Replace(Sample.Value, 6, RlpItem.FromBytes(tooBig)), TransactionDecodeErrorKind.InvalidField, "value", null);
    }

    [Fact]
    public void A_list_where_a_field_should_be_a_string()
    {
        AssertError(Replace(Sample.Value, 7, RlpItem.EmptyList), TransactionDecodeErrorKind.InvalidField, "data", null);
    }

    [Fact]
    public void Recipient_must_be_20_bytes_or_empty()
    {
        AssertError(Replace(Sample.Value, 5, RlpItem.FromBytes(new byte[19])), TransactionDecodeErrorKind.InvalidField, "to", "The EIP-1559 transaction's to is 19 bytes; expected 20, or empty for a contract creation.");
    }

    [Fact]
    public void Access_list_entries_are_address_and_keys()
    {
        RlpItem address = RlpItem.FromBytes(new byte[20]);
        AssertError(Replace(Sample.Value, 8, RlpItem.List(RlpItem.List(address))), TransactionDecodeErrorKind.InvalidField, "accessList", null);
        AssertError(Replace(Sample.Value, 8, RlpItem.List(RlpItem.List(RlpItem.FromBytes(new byte[21]), RlpItem.EmptyList))), TransactionDecodeErrorKind.InvalidField, "accessList", null);
        AssertError(Replace(Sample.Value, 8, RlpItem.List(RlpItem.List(address, RlpItem.List(RlpItem.FromBytes(new byte[31]))))), TransactionDecodeErrorKind.InvalidField, "accessList", null);
        AssertError(Replace(Sample.Value, 8, RlpItem.EmptyString), TransactionDecodeErrorKind.InvalidField, "accessList", null);
    }

    [Fact]
    public void Y_parity_must_be_0_or_1()
    {
        AssertError(Replace(Sample.Value, 9, RlpItem.FromInteger(2UL)), TransactionDecodeErrorKind.InvalidField, "yParity", "The EIP-1559 transaction's yParity is 2; expected 0 or 1.");
        AssertError(Replace(Sample.Value, 9, RlpItem.FromInteger(27UL)), TransactionDecodeErrorKind.InvalidField, "yParity", null);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(26UL)]
    [InlineData(29UL)]
    [InlineData(34UL)]
    public void Legacy_v_must_be_27_28_or_eip155(ulong v)
    {
        AssertError(Replace(LegacySample.Value, 6, RlpItem.FromInteger(v)), TransactionDecodeErrorKind.InvalidField, "v", $"Legacy transaction v {v} is neither 27/28 nor an EIP-155 value chainId * 2 + 35/36 with a 64-bit chain id.");
    }

    [Fact]
    public void Legacy_v_reveals_the_chain_id()
    {
        // v = 2 * 1 + 35 = 37 in the EIP-155 example; 38 would be chain 1 with the other parity.
        Assert.Equal(1UL, ((LegacyTransaction)LegacySample.Value.Transaction).ChainId);
        Assert.Equal(37, (int)LegacySample.Value.V);
    }

    [Fact]
    public void Zero_r_is_an_invalid_signature()
    {
        var error = AssertError(Replace(Sample.Value, 10, RlpItem.EmptyString), TransactionDecodeErrorKind.InvalidSignature, null, null);
        Assert.StartsWith("The EIP-1559 transaction's signature is invalid: ", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidSignatureException>(error.InnerException);
    }

    [Fact]
    public void High_s_is_an_invalid_signature()
    {
        // s' = n - s is the other valid ECDSA signature; EIP-2 forbids it in transactions.
        Signature signature = Sample.Value.Signature;
        byte[] highS = EvmInteger.ToMinimalBigEndian(Secp256k1.Order - EvmInteger.FromBigEndian(signature.S.Bytes));

        AssertError(Replace(Sample.Value, 11, RlpItem.FromBytes(highS)), TransactionDecodeErrorKind.InvalidSignature, null, null);
    }

    [Fact]
    public void Signature_scalars_must_be_canonical_and_at_most_32_bytes()
    {
        byte[] r = [0x00, .. Sample.Value.Signature.R.Bytes];
        AssertError(Replace(Sample.Value, 10, RlpItem.FromBytes(r)), TransactionDecodeErrorKind.InvalidField, "r", null);
        byte[] s = [0x01, .. Sample.Value.Signature.S.Bytes];
        AssertError(Replace(Sample.Value, 11, RlpItem.FromBytes(s)), TransactionDecodeErrorKind.InvalidField, "s", null);
    }

    [Fact]
    public void Random_mutations_raise_only_TransactionDecodeException()
    {
        var random = new Random(2930);
        byte[][] valid = [Sample.Value.RawTransaction.ToArray(), LegacySample.Value.RawTransaction.ToArray()];
        int accepted = 0;
        for (int i = 0; i < 600; i++)
        {
            byte[] raw = (byte[])valid[i % 2].Clone();
            switch (random.Next(3))
            {
                case 0:
                    raw[random.Next(raw.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    raw = raw[..random.Next(raw.Length)];
                    break;
                default:
                    raw = TransactionSamples.RandomBytes(random, random.Next(0, 120));
                    break;
            }

            try
            {
                SignedTransaction decoded = TransactionDecoder.Decode(raw);
                Assert.Equal(Hex.Encode(raw), decoded.ToHex());
                accepted++;
            }
            catch (TransactionDecodeException)
            {
            }
        }

        // Changing a byte of value, data or r usually still decodes (to another sender): the decoder is not just rejecting everything.
        Assert.InRange(accepted, 1, 600);
    }

    private static TransactionDecodeException AssertError(byte[] raw, TransactionDecodeErrorKind kind, string? field, string? message)
    {
        var error = Assert.Throws<TransactionDecodeException>(() => TransactionDecoder.Decode(raw));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(field, error.Field);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }

        return error;
    }

    private static IReadOnlyList<RlpItem> Fields(SignedTransaction signed)
    {
        ReadOnlySpan<byte> raw = signed.RawTransaction.Span;
        return RlpDecoder.Decode(signed.Transaction.Type == TransactionType.Legacy ? raw : raw[1..]).Items;
    }

    private static byte[] Replace(SignedTransaction signed, int index, RlpItem replacement)
    {
        RlpItem[] fields = [.. Fields(signed)];
        fields[index] = replacement;
        return signed.Transaction.Type == TransactionType.Legacy ? RlpItem.List(fields).Encode() : Typed((byte)signed.Transaction.Type, fields);
    }

    private static byte[] Typed(byte type, IEnumerable<RlpItem> fields) => [type, .. RlpItem.List(fields).Encode()];
}
