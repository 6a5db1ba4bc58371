using System.Numerics;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>
/// The EIP-712 messages of the product contracts, built from the type strings their documentation states (each test
/// checks them against the contract's TYPEHASH constant), and signatures over them by the parties' keys.
/// </summary>
internal static class TypedSignatures
{
    public const string GiveConsent = "GiveConsent(address subject,address controller,uint16 purpose,uint64 elements,uint40 expiresAt,uint8 legalBasis,bytes32 noticeHash,bytes32 receiptHash,uint256 nonce,uint256 deadline)";

    public const string WithdrawConsent = "WithdrawConsent(address subject,address controller,uint16 purpose,uint256 nonce,uint256 deadline)";

    public const string EraseSubject = "EraseSubject(address subject,uint256 nonce,uint256 deadline)";

    public const string AcceptCustody = "AcceptCustody(bytes32 shipmentId,address party,bool asConformant,uint256 nonce,uint256 deadline)";

    public const string Redeem = "Redeem(address customer,address merchant,uint256 amount,bytes32 rewardRef,uint256 nonce,uint256 deadline)";

    /// <summary>ERC-2612's permit, which the points token takes from OpenZeppelin.</summary>
    public const string Permit = "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";

    /// <summary>The domain name of the consent registry.</summary>
    public const string ConsentDomainName = "EthCx ConsentRegistry";

    /// <summary>The domain name of the tracker.</summary>
    public const string TrackerDomainName = "EthCx SupplyChainTracker";

    /// <summary>A contract's EIP-712 domain: name, version "1", chain id, verifying contract.</summary>
    public static Eip712Domain Domain(string name, BigInteger chainId, Address contract) =>
        new() { Name = name, Version = "1", ChainId = chainId, VerifyingContract = contract };

    /// <summary>The struct type a type string such as <c>Mail(address to,string contents)</c> declares.</summary>
    public static TypedDataType Type(string typeString)
    {
        int open = typeString.IndexOf('(', StringComparison.Ordinal);
        string name = typeString[..open];
        IEnumerable<TypedDataField> fields = typeString[(open + 1)..^1].Split(',').Select(member =>
        {
            string[] parts = member.Split(' ');
            return new TypedDataField(parts[1], parts[0]);
        });
        return new TypedDataType(name, fields);
    }

    /// <summary>keccak256 of the type string: what the contract's TYPEHASH constant must be.</summary>
    public static Bytes32 TypeHash(string typeString) => new TypedDataTypeSet(Type(typeString)).TypeHash(Type(typeString).Name);

    /// <summary>The typed-data document of a message whose members are given in the type string's order.</summary>
    public static TypedData Message(Eip712Domain domain, string typeString, params object[] values)
    {
        TypedDataType type = Type(typeString);
        if (values.Length != type.Fields.Count)
        {
            throw new ArgumentException($"{type.Name} has {type.Fields.Count} members, {values.Length} values were given.", nameof(values));
        }

        var message = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < values.Length; i++)
        {
            message[type.Fields[i].Name] = values[i];
        }

        return new TypedData(domain, new TypedDataTypeSet(type), type.Name, message);
    }

    /// <summary><paramref name="signer"/>'s signature of a message, as the contracts take it: 65 bytes r, s, v.</summary>
    public static Signature Sign(Party signer, Eip712Domain domain, string typeString, params object[] values) =>
        TestSigners.Of(signer.Account().Index).SignHash(Message(domain, typeString, values).Hash);

    /// <summary>
    /// The malleated twin of a signature: s replaced by n - s and the recovery id flipped. It recovers the same
    /// address, so only a low-s rule (EIP-2) refuses it.
    /// </summary>
    public static Signature HighS(Signature signature)
    {
        BigInteger s = new(signature.S.Bytes, isUnsigned: true, isBigEndian: true);
        byte[] high = (Secp256k1.Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[Bytes32.Length];
        high.CopyTo(padded, Bytes32.Length - high.Length);
        return new Signature(signature.R, Bytes32.FromBytes(padded), (byte)(1 - signature.YParity));
    }
}
