using System.Numerics;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Transactions;

/// <summary>
/// Decodes signed raw transactions (legacy, EIP-2930, EIP-1559), strictly: the envelope must be
/// canonical RLP with exactly the type's fields, every integer minimal, and the signature valid;
/// the sender is recovered from it. Every failure is a <see cref="TransactionDecodeException"/>.
/// </summary>
public static class TransactionDecoder
{
    /// <summary>Decodes a signed raw transaction, as <c>eth_sendRawTransaction</c> takes it.</summary>
    /// <param name="raw">The envelope: a legacy RLP list, or a type byte followed by an RLP list.</param>
    /// <returns>The transaction, its signature and its recovered sender.</returns>
    /// <exception cref="TransactionDecodeException">The bytes are not a valid signed transaction; <see cref="TransactionDecodeException.Kind"/> says why.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new TransactionDecodeException(TransactionDecodeErrorKind.EmptyInput, null, "The raw transaction is empty.");
        }

        byte first = raw[0];
        if (first >= RlpEncoder.ListOffset)
        {
            return DecodeLegacy(new Fields(raw, 0, TransactionType.Legacy, 9));
        }

        return first switch
        {
            (byte)TransactionType.Eip2930 => DecodeEip2930(new Fields(raw, 1, TransactionType.Eip2930, 11)),
            (byte)TransactionType.Eip1559 => DecodeEip1559(new Fields(raw, 1, TransactionType.Eip1559, 12)),
            < RlpEncoder.StringOffset => throw new TransactionDecodeException(TransactionDecodeErrorKind.UnknownType, null, $"Unknown transaction type 0x{first:x2}; EthCx decodes legacy, 0x01 (EIP-2930) and 0x02 (EIP-1559) transactions."),
            _ => throw new TransactionDecodeException(TransactionDecodeErrorKind.InvalidEnvelope, null, $"A raw transaction starts with a type byte (below 0x80) or an RLP list (0xc0 and above), not 0x{first:x2}."),
        };
    }

    private static SignedTransaction DecodeLegacy(Fields fields)
    {
        (ulong? chainId, byte yParity) = LegacyV(fields.UInt256(6, "v"));
        var transaction = new LegacyTransaction
        {
            Nonce = fields.UInt64(0, "nonce"),
            GasPrice = fields.UInt256(1, "gasPrice"),
            GasLimit = fields.UInt64(2, "gasLimit"),
            To = fields.To(3),
            Value = fields.UInt256(4, "value"),
            Data = fields.Data(5),
            ChainId = chainId,
        };
        return Sign(transaction, fields.Signature(yParity, 7));
    }

    private static SignedTransaction DecodeEip2930(Fields fields)
    {
        var transaction = new Eip2930Transaction
        {
            ChainId = fields.UInt64(0, "chainId"),
            Nonce = fields.UInt64(1, "nonce"),
            GasPrice = fields.UInt256(2, "gasPrice"),
            GasLimit = fields.UInt64(3, "gasLimit"),
            To = fields.To(4),
            Value = fields.UInt256(5, "value"),
            Data = fields.Data(6),
            AccessList = fields.AccessList(7),
        };
        return Sign(transaction, fields.Signature(fields.YParity(8), 9));
    }

    private static SignedTransaction DecodeEip1559(Fields fields)
    {
        var transaction = new Eip1559Transaction
        {
            ChainId = fields.UInt64(0, "chainId"),
            Nonce = fields.UInt64(1, "nonce"),
            MaxPriorityFeePerGas = fields.UInt256(2, "maxPriorityFeePerGas"),
            MaxFeePerGas = fields.UInt256(3, "maxFeePerGas"),
            GasLimit = fields.UInt64(4, "gasLimit"),
            To = fields.To(5),
            Value = fields.UInt256(6, "value"),
            Data = fields.Data(7),
            AccessList = fields.AccessList(8),
        };
        return Sign(transaction, fields.Signature(fields.YParity(9), 10));
    }

    /// <summary>Splits a legacy v into the EIP-155 chain id (null for 27/28) and the y-parity.</summary>
    private static (ulong? ChainId, byte YParity) LegacyV(BigInteger v)
    {
        if (v == 27 || v == 28)
        {
            return (null, (byte)(v - 27));
        }

        BigInteger chainId = (v - 35) / 2;
        if (v < 35 || chainId > ulong.MaxValue)
        {
            throw new TransactionDecodeException(TransactionDecodeErrorKind.InvalidField, "v", $"Legacy transaction v {v} is neither 27/28 nor an EIP-155 value chainId * 2 + 35/36 with a 64-bit chain id.");
        }

        return ((ulong)chainId, (byte)((v - 35) % 2));
    }

    private static SignedTransaction Sign(Transaction transaction, Signature signature)
    {
        try
        {
            return transaction.WithSignature(signature);
        }
        catch (InvalidSignatureException e)
        {
            throw new TransactionDecodeException(TransactionDecodeErrorKind.InvalidSignature, null, $"The {Name(transaction.Type)} transaction's signature is invalid: {e.Message}", e);
        }
    }

    private static string Name(TransactionType type) => type switch
    {
        TransactionType.Legacy => "legacy",
        TransactionType.Eip2930 => "EIP-2930",
        _ => "EIP-1559",
    };

    /// <summary>The fields of one envelope, read with errors that name the transaction type and the field.</summary>
    private readonly struct Fields
    {
        private readonly IReadOnlyList<RlpItem> _items;
        private readonly TransactionType _type;

        /// <summary>Decodes the RLP list that starts at <paramref name="start"/> (after the type byte, if any); offsets count from the envelope's start.</summary>
        public Fields(ReadOnlySpan<byte> raw, int start, TransactionType type, int count)
        {
            _type = type;
            RlpItem list;
            try
            {
                list = RlpDecoder.Decode(raw, start);
            }
            catch (RlpException e)
            {
                throw new TransactionDecodeException(TransactionDecodeErrorKind.InvalidEnvelope, null, $"The {Name(type)} transaction is not valid RLP: {e.Message}", e);
            }

            if (!list.IsList)
            {
                throw new TransactionDecodeException(TransactionDecodeErrorKind.InvalidEnvelope, null, $"The {Name(type)} transaction payload is an RLP byte string, not a list.");
            }

            _items = list.Items;
            if (_items.Count != count)
            {
                throw new TransactionDecodeException(TransactionDecodeErrorKind.WrongFieldCount, null, $"A signed {Name(type)} transaction has {count} fields, not {_items.Count}.");
            }
        }

        public ulong UInt64(int index, string name) => Read(index, name, static item => item.ToUInt64());

        public BigInteger UInt256(int index, string name) => Read(index, name, static item => item.ToUInt256());

        public ReadOnlyMemory<byte> Data(int index) => Read(index, "data", static item => item.Bytes);

        public Address? To(int index)
        {
            ReadOnlyMemory<byte> bytes = Read(index, "to", static item => item.Bytes);
            return bytes.Length switch
            {
                0 => null,
                Address.Length => Address.FromBytes(bytes.Span),
                _ => throw Invalid("to", $"is {bytes.Length} bytes; expected 20, or empty for a contract creation"),
            };
        }

        public AccessList AccessList(int index)
        {
            IReadOnlyList<RlpItem> entries = Read(index, "accessList", static item => item.Items);
            var result = new List<AccessListEntry>(entries.Count);
            foreach (RlpItem entry in entries)
            {
                IReadOnlyList<RlpItem> pair = Read(entry, "accessList", static item => item.Items);
                if (pair.Count != 2)
                {
                    throw Invalid("accessList", $"entry at offset {entry.Offset} has {pair.Count} items; expected [address, storageKeys]");
                }

                Address address = Address.FromBytes(Fixed(pair[0], Address.Length, "address"));
                IReadOnlyList<RlpItem> keys = Read(pair[1], "accessList", static item => item.Items);
                var storageKeys = new Bytes32[keys.Count];
                for (int i = 0; i < storageKeys.Length; i++)
                {
                    storageKeys[i] = Bytes32.FromBytes(Fixed(keys[i], Bytes32.Length, "storage key"));
                }

                result.Add(new AccessListEntry(address, storageKeys));
            }

            return new AccessList(result);
        }

        public byte YParity(int index)
        {
            ulong parity = UInt64(index, "yParity");
            return parity <= 1 ? (byte)parity : throw Invalid("yParity", $"is {parity}; expected 0 or 1");
        }

        /// <summary>Reads r and s from <paramref name="index"/> and <paramref name="index"/> + 1.</summary>
        public Signature Signature(byte yParity, int index) => new(Scalar(index, "r"), Scalar(index + 1, "s"), yParity);

        private Bytes32 Scalar(int index, string name)
        {
            ReadOnlySpan<byte> minimal = Read(index, name, static item => { item.ToUInt256(); return item.Bytes; }).Span;
            Span<byte> padded = stackalloc byte[Bytes32.Length];
            padded.Clear();
            minimal.CopyTo(padded[(Bytes32.Length - minimal.Length)..]);
            return Bytes32.FromBytes(padded);
        }

        private ReadOnlySpan<byte> Fixed(RlpItem item, int length, string what)
        {
            ReadOnlyMemory<byte> bytes = Read(item, "accessList", static i => i.Bytes);
            return bytes.Length == length
                ? bytes.Span
                : throw Invalid("accessList", $"{what} at offset {item.Offset} is {bytes.Length} bytes; expected {length}");
        }

        private T Read<T>(int index, string name, Func<RlpItem, T> read) => Read(_items[index], name, read);

        private T Read<T>(RlpItem item, string name, Func<RlpItem, T> read)
        {
            try
            {
                return read(item);
            }
            catch (RlpException e)
            {
                throw new TransactionDecodeException(TransactionDecodeErrorKind.InvalidField, name, $"The {Name(_type)} transaction's {name}: {e.Message}", e);
            }
        }

        private TransactionDecodeException Invalid(string name, string problem) =>
            new(TransactionDecodeErrorKind.InvalidField, name, $"The {Name(_type)} transaction's {name} {problem}.");
    }
}
