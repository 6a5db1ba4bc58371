using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

public class TypedDataSignerTests
{
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
