using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Accounts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Tests.Crypto;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Accounts;

public class MnemonicTests
{
    // SHA-256 of bitcoin/bips bip-0039/english.txt (words joined by '\n', trailing newline), as ethers' LangEn gives it.
    private const string EnglishWordlistSha256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

    private static readonly int[] WordCounts = [12, 15, 18, 21, 24];

    public static TheoryData<string, string, string, string> TrezorVectors()
    {
        var data = new TheoryData<string, string, string, string>();
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "EthCx.Chain.Tests", "Vectors", "bip39-vectors.json")));
        foreach (JsonElement vector in document.RootElement.GetProperty("english").EnumerateArray())
        {
            data.Add(vector[0].GetString()!, vector[1].GetString()!, vector[2].GetString()!, vector[3].GetString()!);
        }

        return data;
    }

    [Fact]
    public void Wordlist_is_the_official_english_list()
    {
        string file = string.Join('\n', Bip39EnglishWordlist.Words) + "\n";
        Assert.Equal(EnglishWordlistSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(file))));
        Assert.Equal(2048, Bip39EnglishWordlist.Words.Length);
        Assert.Equal(Bip39EnglishWordlist.Words.Order(StringComparer.Ordinal), Bip39EnglishWordlist.Words);
        string ethers = Oracle.Ethers("const w = ethers.LangEn.wordlist(); const a = []; for (let i = 0; i < 2048; i++) a.push(w.getWord(i)); console.log(a.join(' '));");
        Assert.Equal(ethers, string.Join(' ', Bip39EnglishWordlist.Words));
    }

    [Theory]
    [MemberData(nameof(TrezorVectors))]
    public void Matches_the_trezor_vectors(string entropy, string phrase, string seed, string xprv)
    {
        Mnemonic fromEntropy = Mnemonic.FromEntropy(Convert.FromHexString(entropy));
        Assert.Equal(phrase, fromEntropy.Phrase);
        Mnemonic parsed = Mnemonic.Parse(phrase);
        Assert.Equal(entropy, Convert.ToHexStringLower(parsed.GetEntropy()));
        byte[] derivedSeed = parsed.DeriveSeed("TREZOR");
        Assert.Equal(seed, Convert.ToHexStringLower(derivedSeed));

        using HdKey master = HdKey.FromSeed(derivedSeed);
        ExtendedKey expected = ExtendedKey.Decode(xprv);
        Assert.Equal(expected.ChainCode, master.ChainCode.ToArray());
        Assert.Equal(expected.Key, master.ExportPrivateKey());
    }

    [Fact]
    public void Seeds_match_ethers_for_random_phrases_and_passphrases()
    {
        string[] phrases = [.. WordCounts.Select(n => Mnemonic.Generate(n).Phrase)];
        string expected = Oracle.Ethers(
            $"for (const p of {Secp256k1Tests.Json(phrases)}) console.log(ethers.Mnemonic.fromPhrase(p, 'pass phrase!').computeSeed());");
        Assert.Equal(expected, string.Join('\n', phrases.Select(p => Hex.Encode(Mnemonic.Parse(p).DeriveSeed("pass phrase!")))));
    }

    [Theory]
    [InlineData("abandon abandon abandn abandon abandon abandon abandon abandon abandon abandon abandon about", 3, "abandn")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon About", 12, "About")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon bitcoin", 12, "bitcoin")]
    public void A_word_outside_the_list_is_named_with_its_position(string phrase, int position, string word)
    {
        var error = Assert.Throws<InvalidMnemonicException>(() => Mnemonic.Parse(phrase));
        Assert.Equal($"Word {position} of the mnemonic, '{word}', is not in the BIP-39 English wordlist.", error.Message);
        Assert.Equal(position, error.WordPosition);
        Assert.Equal(word, error.Word);
        Assert.False(Mnemonic.TryParse(phrase, out _));
    }

    [Theory]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon")]
    [InlineData("about abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon")]
    [InlineData("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo")]
    public void A_checksum_mismatch_is_reported(string phrase)
    {
        var error = Assert.Throws<InvalidMnemonicException>(() => Mnemonic.Parse(phrase));
        Assert.Equal("The mnemonic's BIP-39 checksum does not match: a word is wrong or out of order.", error.Message);
        Assert.Null(error.WordPosition);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", 11)]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", 13)]
    public void A_wrong_word_count_is_reported(string phrase, int count)
    {
        var error = Assert.Throws<InvalidMnemonicException>(() => Mnemonic.Parse(phrase));
        Assert.Equal($"A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, not {count}.", error.Message);
    }

    [Fact]
    public void Extra_whitespace_does_not_change_the_phrase_or_seed()
    {
        const string Canonical = "legal winner thank year wave sausage worth useful legal winner thank yellow";
        Mnemonic messy = Mnemonic.Parse("  legal winner\tthank year\nwave sausage  worth useful legal winner thank yellow ");
        Assert.Equal(Canonical, messy.Phrase);
        Assert.Equal(12, messy.Words.Count);
        Assert.Equal(Mnemonic.Parse(Canonical).DeriveSeed(), messy.DeriveSeed());
    }

    [Theory]
    [InlineData(12)]
    [InlineData(24)]
    public void Generated_phrases_round_trip(int words)
    {
        Mnemonic generated = Mnemonic.Generate(words);
        Assert.Equal(words, generated.Words.Count);
        Assert.Equal(generated.Phrase, Mnemonic.Parse(generated.Phrase).Phrase);
        Assert.Equal(generated.GetEntropy(), Mnemonic.FromEntropy(generated.GetEntropy()).GetEntropy());
        Assert.NotEqual(generated.Phrase, Mnemonic.Generate(words).Phrase);
    }

    [Fact]
    public void Bad_sizes_are_rejected()
    {
        Assert.Equal(
            "BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not 17. (Parameter 'entropy')",
            Assert.Throws<ArgumentException>(() => Mnemonic.FromEntropy(new byte[17])).Message);
        Assert.Equal(
            "BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not 36. (Parameter 'entropy')",
            Assert.Throws<ArgumentException>(() => Mnemonic.FromEntropy(new byte[36])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Mnemonic.Generate(13));
    }

    [Fact]
    public void ToString_does_not_reveal_the_words()
    {
        Mnemonic mnemonic = Mnemonic.Parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        Assert.Equal("Mnemonic (12 words)", mnemonic.ToString());
    }

    [Fact]
    public void Non_ascii_passphrases_are_nfkd_normalised_or_refused()
    {
        // "ｐäss" in fullwidth and precomposed form; NFKD makes it "pa\u0308ss".
        Mnemonic mnemonic = Mnemonic.Parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        const string Passphrase = "\uff50\u00e4ss";
        bool icu = "\u00e9".Normalize(NormalizationForm.FormKD).Length == 2;
        if (icu)
        {
            string expected = Oracle.Ethers($"console.log(ethers.Mnemonic.fromPhrase('{mnemonic.Phrase}', '{Passphrase}').computeSeed());");
            Assert.Equal(expected, Hex.Encode(mnemonic.DeriveSeed(Passphrase)));
            Assert.Equal(mnemonic.DeriveSeed("pa\u0308ss"), mnemonic.DeriveSeed(Passphrase));
        }
        else
        {
            var error = Assert.Throws<NotSupportedException>(() => mnemonic.DeriveSeed(Passphrase));
            Assert.StartsWith("BIP-39 requires NFKD normalisation of a non-ASCII passphrase", error.Message, StringComparison.Ordinal);
        }
    }
}
