using System.Text;
using System.Text.Json;
using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

public class TypedDataOracleTests(EthersTypedDataOracle oracle) : IClassFixture<EthersTypedDataOracle>
{
    [Fact]
    public void Encode_type_type_hash_domain_struct_hash_and_digest_match_ethers()
    {
        var mismatches = new List<string>();
        foreach (RandomTypedData.Document c in oracle.Cases)
        {
            JsonElement expected = oracle.Result(c.Index);
            TypedData parsed = TypedData.Parse(c.Json);
            foreach ((string what, TypedData typedData) in new[] { ("C#", c.TypedData), ("JSON", parsed) })
            {
                Check(mismatches, c, what, "primaryType", expected.GetProperty("primaryType").GetString(), typedData.PrimaryType);
                foreach (JsonProperty type in expected.GetProperty("encodeTypes").EnumerateObject())
                {
                    Check(mismatches, c, what, $"encodeType({type.Name})", type.Value.GetString(), typedData.Types.EncodeType(type.Name));
                    Check(mismatches, c, what, $"typeHash({type.Name})", expected.GetProperty("typeHashes").GetProperty(type.Name).GetString(), typedData.Types.TypeHash(type.Name).ToString());
                }

                Check(mismatches, c, what, "domainSeparator", expected.GetProperty("domainSeparator").GetString(), typedData.DomainSeparator.ToString());
                Check(mismatches, c, what, "hashStruct", expected.GetProperty("hashStruct").GetString(), typedData.MessageHash.ToString());
                Check(mismatches, c, what, "hash", expected.GetProperty("hash").GetString(), typedData.Hash.ToString());
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Written_json_hashes_the_same_in_ethers_and_when_read_back()
    {
        var mismatches = new List<string>();
        foreach (RandomTypedData.Document c in oracle.Cases)
        {
            string written = c.TypedData.ToJson();
            Check(mismatches, c, "ToJson", "ethers hash", c.TypedData.Hash.ToString(), oracle.Result(c.Index).GetProperty("writtenHash").GetString()!);
            Check(mismatches, c, "ToJson", "read back", c.TypedData.Hash.ToString(), TypedData.Parse(written).Hash.ToString());
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Signatures_and_recovered_signers_match_ethers_wallet_sign_typed_data()
    {
        var mismatches = new List<string>();
        foreach (RandomTypedData.Document c in oracle.Cases)
        {
            JsonElement expected = oracle.Result(c.Index);
            using var signer = new PrivateKeySigner(Bytes32.Keccak(Encoding.UTF8.GetBytes($"eip712 case {c.Index}")).Bytes);
            Signature signature = await signer.SignTypedDataAsync(c.TypedData);
            Check(mismatches, c, "C#", "signer", expected.GetProperty("signer").GetString(), signer.Address.ToString());
            Check(mismatches, c, "C#", "signature", expected.GetProperty("signature").GetString(), signature.ToString());
            Signature ethersSignature = Signature.FromBytes(Hex.Decode(expected.GetProperty("signature").GetString()));
            Check(mismatches, c, "JSON", "recovered", expected.GetProperty("signer").GetString(), TypedDataSigner.RecoverSigner(TypedData.Parse(c.Json), ethersSignature).ToString());
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Random_documents_cover_nested_structs_arrays_and_partial_domains()
    {
        TypedDataField[] fields = [.. oracle.Cases.SelectMany(c => c.TypedData.Types).SelectMany(type => type.Fields)];
        bool IsStruct(TypedDataField field, RandomTypedData.Document c) => c.TypedData.Types.Contains(field.Type.Split('[')[0]);

        Assert.Contains(oracle.Cases, c => c.TypedData.Types.Count >= 3);
        Assert.Contains(oracle.Cases, c => c.TypedData.Types.Any(t => t.Fields.Any(f => IsStruct(f, c) && f.Type.EndsWith("[]", StringComparison.Ordinal))));
        Assert.Contains(oracle.Cases, c => c.TypedData.Types.Any(t => t.Fields.Any(f => IsStruct(f, c) && f.Type.EndsWith(']') && !f.Type.EndsWith("[]", StringComparison.Ordinal))));
        Assert.Contains(fields, f => f.Type.Count(ch => ch == '[') == 2);
        Assert.Contains(oracle.Cases, c => c.Json.Contains("\"-", StringComparison.Ordinal));
        foreach (string type in new[] { "bytes", "string", "bool", "address", "int8", "uint256", "bytes32" })
        {
            Assert.Contains(fields, f => f.Type == type);
        }

        Assert.True(oracle.Cases.Select(c => c.TypedData.Domain.EncodeType()).Distinct().Count() >= 16, "expected many different domain shapes");
    }

    private static void Check(List<string> mismatches, RandomTypedData.Document c, string source, string what, string? expected, string actual)
    {
        if (expected != actual)
        {
            mismatches.Add($"case {c.Index} ({source}) {what}: ethers {expected}, EthCx {actual}\n{c.Json}");
        }
    }
}
