using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Testing;
using Xunit.Abstractions;

namespace EthCx.Chain.Tests.Abi;

/// <summary>Seeded random types (tuples and arrays nested up to depth 3) and values.</summary>
public class AbiPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20240917;

    private static List<(AbiType[] Types, object?[] Values)> Cases(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<(AbiType[], object?[])>(count);
        for (int i = 0; i < count; i++)
        {
            AbiType[] types = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => AbiTestValues.RandomType(random, 3))];
            cases.Add((types, [.. types.Select(t => AbiTestValues.RandomValue(random, t))]));
        }

        return cases;
    }

    [Fact]
    public void Decode_of_encode_is_identity_for_10000_random_cases()
    {
        var stopwatch = Stopwatch.StartNew();
        int index = 0;
        foreach ((AbiType[] types, object?[] values) in Cases(Seed, 10_000))
        {
            byte[] encoded = AbiEncoder.Encode(types, values);
            Assert.Equal(encoded.Length, AbiEncoder.GetEncodedLength(types, values));
            Assert.True(encoded.Length % 32 == 0, $"case {index}: length {encoded.Length}");
            object?[] decoded = AbiDecoder.Decode(types, encoded);
            if (!AbiTestValues.DeepEqual(values, decoded))
            {
                Assert.Fail($"case {index} ({string.Join(",", types.Select(t => t.CanonicalName))}):\n{AbiTestValues.Show(values)}\n{AbiTestValues.Show(decoded)}");
            }

            index++;
        }

        output.WriteLine($"10,000 round trips in {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Random_encodings_match_ethers_byte_for_byte()
    {
        // 1,000 random cases, sent to one node process through a JSON file.
        List<(AbiType[] Types, object?[] Values)> cases = Cases(Seed + 1, 1000);
        string path = Path.Combine(Path.GetTempPath(), $"ethcx-abi-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            using (FileStream file = File.Create(path))
            using (var writer = new Utf8JsonWriter(file))
            {
                writer.WriteStartArray();
                foreach ((AbiType[] types, object?[] values) in cases)
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("types");
                    foreach (AbiType type in types)
                    {
                        writer.WriteStringValue(type.CanonicalName);
                    }

                    writer.WriteEndArray();
                    writer.WritePropertyName("values");
                    AbiTestValues.WriteJson(writer, new AbiTuple(types), values);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            string script = $$"""
                const cases = JSON.parse(require("fs").readFileSync({{JsonSerializer.Serialize(path)}}, "utf8"));
                const coder = ethers.AbiCoder.defaultAbiCoder();
                for (const c of cases) console.log(coder.encode(c.types, c.values));
                """;
            string[] expected = Oracle.Ethers(script).Split('\n');
            Assert.Equal(cases.Count, expected.Length);
            for (int i = 0; i < cases.Count; i++)
            {
                string actual = Hex.Encode(AbiEncoder.Encode(cases[i].Types, cases[i].Values));
                Assert.True(expected[i] == actual, $"case {i} ({string.Join(",", cases[i].Types.Select(t => t.CanonicalName))}):\nethers: {expected[i]}\nEthCx:  {actual}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Mutated_encodings_only_ever_raise_AbiDecodingException()
    {
        var random = new Random(Seed + 2);
        int rejected = 0;
        int total = 0;
        foreach ((AbiType[] types, object?[] values) in Cases(Seed + 3, 1500))
        {
            byte[] encoded = AbiEncoder.Encode(types, values);
            for (int m = 0; m < 4; m++)
            {
                byte[] mutated = Mutate(random, encoded);
                total++;
                try
                {
                    AbiDecoder.Decode(types, mutated);
                }
                catch (AbiDecodingException)
                {
                    rejected++;
                }
            }
        }

        output.WriteLine($"{rejected} of {total} mutated encodings rejected");
        Assert.True(rejected > total / 4);
    }

    [Fact]
    public void Random_bytes_only_ever_raise_AbiDecodingException_in_every_decoder()
    {
        var random = new Random(Seed + 4);
        ContractAbi abi = ContractAbi.Parse(JsonAbiTests.ArtifactJson);
        AbiEvent[] events = [.. abi.Events];
        for (int i = 0; i < 3000; i++)
        {
            AbiType[] types = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => AbiTestValues.RandomType(random, 3))];
            byte[] data = RandomData(random);
            try
            {
                AbiDecoder.Decode(types, data);
            }
            catch (AbiDecodingException)
            {
            }

            try
            {
                abi.Functions[random.Next(abi.Functions.Count)].DecodeOutput(data);
            }
            catch (AbiDecodingException)
            {
            }

            AbiEvent @event = events[random.Next(events.Length)];
            Bytes32[] topics = [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => Bytes32.FromBytes(RandomWord(random)))];
            if (!@event.Anonymous && topics.Length > 0 && random.Next(2) == 0)
            {
                topics[0] = @event.Topic0;
            }

            try
            {
                @event.DecodeLog(topics, data);
            }
            catch (AbiDecodingException)
            {
            }

            try
            {
                abi.DecodeLog(topics, data);
            }
            catch (AbiDecodingException)
            {
            }

            byte[] revert = random.Next(3) switch
            {
                0 => [.. AbiError.Error.Selector.ToArray(), .. data],
                1 => [.. AbiError.Panic.Selector.ToArray(), .. data],
                _ => [.. abi.Errors[random.Next(abi.Errors.Count)].Selector.ToArray(), .. data],
            };
            Assert.NotNull(abi.DecodeRevert(revert).Description);
        }
    }

    /// <summary>Flips bytes, sets words to small or huge numbers, truncates, or extends.</summary>
    private static byte[] Mutate(Random random, byte[] data)
    {
        byte[] copy = (byte[])data.Clone();
        if (copy.Length == 0)
        {
            return AbiTestValues.RandomBytes(random, random.Next(0, 64));
        }

        int word = random.Next(copy.Length / 32 + 1) * 32;
        switch (random.Next(5))
        {
            case 0:
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            case 1 when word + 32 <= copy.Length:
                Array.Clear(copy, word, 32);
                copy[word + 31] = (byte)random.Next(256);
                copy[word + 30] = (byte)random.Next(4);
                return copy;
            case 2 when word + 32 <= copy.Length:
                RandomWord(random).CopyTo(copy, word);
                return copy;
            case 3:
                return copy[..random.Next(copy.Length)];
            default:
                return [.. copy, .. AbiTestValues.RandomBytes(random, random.Next(1, 64))];
        }
    }

    private static byte[] RandomWord(Random random)
    {
        byte[] word = new byte[32];
        switch (random.Next(3))
        {
            case 0:
                random.NextBytes(word);
                break;
            case 1:
                word[31] = (byte)(random.Next(8) * 32);
                break;
            default:
                Array.Fill(word, (byte)0xFF);
                break;
        }

        return word;
    }

    private static byte[] RandomData(Random random)
    {
        int words = random.Next(0, 12);
        var data = new List<byte>();
        for (int i = 0; i < words; i++)
        {
            data.AddRange(RandomWord(random));
        }

        return [.. data, .. AbiTestValues.RandomBytes(random, random.Next(0, 3) == 0 ? random.Next(1, 31) : 0)];
    }
}
