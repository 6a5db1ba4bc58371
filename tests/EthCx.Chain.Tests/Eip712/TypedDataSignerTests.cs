using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

public class TypedDataSignerTests
{
    private static readonly Address Cow = Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");

    [Fact]
    public async Task Spec_example_signature_with_the_cow_key()
    {
        using var signer = new PrivateKeySigner(Bytes32.Keccak("cow"u8).Bytes);
        Assert.Equal(Cow, signer.Address);

        Signature signature = await signer.SignTypedDataAsync(SpecExample.TypedData());

        Assert.Equal(28, signature.V);
        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", signature.R.ToString());
        Assert.Equal("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", signature.S.ToString());
        Assert.Equal(Cow, TypedDataSigner.RecoverSigner(SpecExample.TypedData(), signature));
        Assert.Equal(Cow, TypedDataSigner.RecoverSigner(TypedData.Parse(SpecExample.Json), signature));
    }

    [Fact]
    public async Task A_signature_does_not_recover_the_signer_for_another_domain_or_message()
    {
        using var signer = new PrivateKeySigner(Bytes32.Keccak("cow"u8).Bytes);
        Signature signature = await signer.SignTypedDataAsync(SpecExample.TypedData());
        Dictionary<string, object?> otherMessage = SpecExample.Message();
        otherMessage["contents"] = "Hello, Eve!";

        Assert.NotEqual(Cow, TypedDataSigner.RecoverSigner(new TypedData(SpecExample.Domain with { ChainId = 10 }, SpecExample.Types, "Mail", SpecExample.Message()), signature));
        Assert.NotEqual(Cow, TypedDataSigner.RecoverSigner(new TypedData(SpecExample.Domain, SpecExample.Types, "Mail", otherMessage), signature));
    }

    [Fact]
    public void Recovering_a_malformed_signature_throws()
    {
        var zero = new Signature(Bytes32.Zero, Bytes32.Zero, 0);
        Assert.Throws<InvalidSignatureException>(() => TypedDataSigner.RecoverSigner(SpecExample.TypedData(), zero));
    }

    [Fact]
    public async Task Sign_typed_data_signs_the_digest_through_the_signer()
    {
        var signer = new RecordingSigner();
        using var cancellation = new CancellationTokenSource();
        Signature signature = await signer.SignTypedDataAsync(SpecExample.TypedData(), cancellation.Token);

        Assert.Equal(SpecExample.Digest, signer.Hash.ToString());
        Assert.Equal(cancellation.Token, signer.Token);
        Assert.Equal(RecordingSigner.Result, signature);
    }

    /// <summary>Records what it was asked to sign.</summary>
    private sealed class RecordingSigner : ISigner
    {
        public static readonly Signature Result = new(Bytes32.Keccak("r"u8), Bytes32.Keccak("s"u8), 1);

        public Address Address => Address.Zero;

        public Bytes32 Hash { get; private set; }

        public CancellationToken Token { get; private set; }

        public ValueTask<Signature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default)
        {
            Hash = hash;
            Token = cancellationToken;
            return ValueTask.FromResult(Result);
        }
    }
}
