using System.Text.Json;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Eip712;

/// <summary>
/// Generates random typed-data documents once and has ethers v6 hash and sign all of them in a
/// single Node process (the documents go through a JSON file).
/// </summary>
public sealed class EthersTypedDataOracle : IDisposable
{
    public const int CaseCount = 150;

    private const string Script = """
        const fs = require("fs");
        (async () => {
          const cases = JSON.parse(fs.readFileSync(process.env.ETHCX_EIP712_CASES, "utf8"));
          const out = [];
          for (let i = 0; i < cases.length; i++) {
            const c = cases[i].given;
            const types = { ...c.types };
            delete types.EIP712Domain;
            const encoder = ethers.TypedDataEncoder.from(types);
            const encodeTypes = {}, typeHashes = {};
            for (const name of Object.keys(types)) {
              encodeTypes[name] = encoder.encodeType(name);
              typeHashes[name] = ethers.id(encoder.encodeType(name));
            }
            const wallet = new ethers.Wallet(ethers.id("eip712 case " + i));
            out.push({
              primaryType: encoder.primaryType,
              encodeTypes,
              typeHashes,
              hashStruct: encoder.hashStruct(c.primaryType, c.message),
              domainSeparator: ethers.TypedDataEncoder.hashDomain(c.domain),
              hash: ethers.TypedDataEncoder.hash(c.domain, types, c.message),
              writtenHash: ethers.TypedDataEncoder.hash(cases[i].written.domain, (({ EIP712Domain, ...rest }) => rest)(cases[i].written.types), cases[i].written.message),
              signer: wallet.address,
              signature: await wallet.signTypedData(c.domain, types, c.message),
            });
          }
          console.log(JSON.stringify(out));
        })().catch(e => { console.error(e); process.exit(1); });
        """;

    private readonly JsonDocument _results;

    public EthersTypedDataOracle()
    {
        var generator = new RandomTypedData(seed: 712);
        Cases = [.. Enumerable.Range(0, CaseCount).Select(generator.Next)];
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "[" + string.Join(",\n", Cases.Select(c => $"{{\"given\": {c.Json}, \"written\": {c.TypedData.ToJson()}}}")) + "]");
            Environment.SetEnvironmentVariable("ETHCX_EIP712_CASES", file);
            _results = JsonDocument.Parse(Oracle.Ethers(Script));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The generated documents.</summary>
    public IReadOnlyList<RandomTypedData.Document> Cases { get; }

    /// <summary>What ethers computed for case <paramref name="index"/>.</summary>
    public JsonElement Result(int index) => _results.RootElement[index];

    public void Dispose() => _results.Dispose();
}
