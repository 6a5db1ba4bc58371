using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EthCx.Chain.Primitives;
using EthCx.Chain.Transactions;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Transactions;

/// <summary>Random transactions and their ethers v6 form, for checks against ethers in one Node process.</summary>
internal static class TransactionSamples
{
    public static Transaction Random(Random random, TransactionType type)
    {
        ulong nonce = Pick(random, 0, 1, (ulong)random.NextInt64(0, 1L << 53));
        ulong gasLimit = Pick(random, 21_000, 30_000_000, (ulong)random.NextInt64());
        Address? to = random.Next(4) == 0 ? null : Address.FromBytes(RandomBytes(random, 20));
        BigInteger value = RandomUInt256(random);
        byte[] data = RandomBytes(random, random.Next(3) switch { 0 => 0, 1 => random.Next(1, 56), _ => random.Next(56, 300) });
        ulong chainId = Pick(random, 1, 31337, (ulong)random.NextInt64(1, long.MaxValue));
        return type switch
        {
            TransactionType.Legacy => new LegacyTransaction
            {
                ChainId = chainId,
                Nonce = nonce,
                GasPrice = RandomUInt256(random),
                GasLimit = gasLimit,
                To = to,
                Value = value,
                Data = data,
            },
            TransactionType.Eip2930 => new Eip2930Transaction
            {
                ChainId = chainId,
                Nonce = nonce,
                GasPrice = RandomUInt256(random),
                GasLimit = gasLimit,
                To = to,
                Value = value,
                Data = data,
                AccessList = RandomAccessList(random),
            },
            _ => RandomEip1559(random, chainId, nonce, gasLimit, to, value, data),
        };
    }

    /// <summary>The transaction as the object <c>ethers.Transaction.from</c> takes (numbers as decimal strings).</summary>
    public static JsonObject ToEthers(Transaction transaction)
    {
        var json = new JsonObject
        {
            ["type"] = (int)transaction.Type,
            ["nonce"] = transaction.Nonce,
            ["gasLimit"] = Dec(transaction.GasLimit),
            ["to"] = transaction.To?.ToString(),
            ["value"] = Dec(transaction.Value),
            ["data"] = Hex.Encode(transaction.Data.Span),
        };
        switch (transaction)
        {
            case LegacyTransaction legacy:
                json["chainId"] = Dec(legacy.ChainId ?? 0);
                json["gasPrice"] = Dec(legacy.GasPrice);
                break;
            case Eip2930Transaction eip2930:
                json["chainId"] = Dec(eip2930.ChainId);
                json["gasPrice"] = Dec(eip2930.GasPrice);
                json["accessList"] = ToEthers(eip2930.AccessList);
                break;
            case Eip1559Transaction eip1559:
                json["chainId"] = Dec(eip1559.ChainId);
                json["maxPriorityFeePerGas"] = Dec(eip1559.MaxPriorityFeePerGas);
                json["maxFeePerGas"] = Dec(eip1559.MaxFeePerGas);
                json["accessList"] = ToEthers(eip1559.AccessList);
                break;
        }

        return json;
    }

    /// <summary>
    /// Runs <paramref name="perItem"/> (the body of an async JS function of <c>item</c> that returns a string) for each element of
    /// <paramref name="items"/> in one Node process; returns one output string per item.
    /// </summary>
    public static string[] RunEthers(JsonArray items, string perItem)
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, items.ToJsonString());
            string script = $$"""
                const items = JSON.parse(require("fs").readFileSync({{JsonSerializer.Serialize(file)}}, "utf8"));
                (async () => {
                  const out = [];
                  for (const item of items) { out.push(String(await (async () => { {{perItem}} })())); }
                  console.log(JSON.stringify(out));
                })().catch(e => { console.error(e); process.exit(1); });
                """;
            return JsonSerializer.Deserialize<string[]>(Oracle.Ethers(script))!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Eip1559Transaction RandomEip1559(Random random, ulong chainId, ulong nonce, ulong gasLimit, Address? to, BigInteger value, byte[] data)
    {
        BigInteger tip = RandomUInt256(random);
        return new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = BigInteger.Min(EvmInteger.MaxUInt256, tip + RandomUInt256(random)),
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            AccessList = RandomAccessList(random),
        };
    }

    private static AccessList RandomAccessList(Random random) =>
        new(Enumerable.Range(0, random.Next(4)).Select(_ => new AccessListEntry(
            Address.FromBytes(RandomBytes(random, 20)),
            Enumerable.Range(0, random.Next(4)).Select(_ => Bytes32.FromBytes(RandomBytes(random, 32))))));

    private static JsonArray ToEthers(AccessList accessList) =>
        new([.. accessList.Select(entry => new JsonObject
        {
            ["address"] = entry.Address.ToString(),
            ["storageKeys"] = new JsonArray([.. entry.StorageKeys.Select(key => (JsonNode)key.ToString())]),
        })]);

    private static BigInteger RandomUInt256(Random random) => random.Next(4) switch
    {
        0 => BigInteger.Zero,
        1 => random.Next(1, 128),
        2 => EvmInteger.FromBigEndian(RandomBytes(random, random.Next(1, 33))),
        _ => EvmInteger.MaxUInt256,
    };

    private static ulong Pick(Random random, ulong a, ulong b, ulong c) => random.Next(3) switch { 0 => a, 1 => b, _ => c };

    private static string Dec(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
