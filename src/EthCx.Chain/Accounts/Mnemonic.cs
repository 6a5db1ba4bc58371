using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace EthCx.Chain.Accounts;

/// <summary>
/// A BIP-39 mnemonic phrase over the English wordlist: 12, 15, 18, 21 or 24 words encoding 128 to
/// 256 bits of entropy plus a SHA-256 checksum, and the seed derived from it with PBKDF2.
/// </summary>
/// <remarks>
/// The phrase is a secret. <see cref="ToString"/> shows only the word count; read
/// <see cref="Phrase"/> deliberately. Strings cannot be wiped, so keep instances short-lived.
/// Unicode text is NFKD-normalised as BIP-39 requires; when the process runs in
/// globalization-invariant mode (no ICU), non-ASCII passphrases cannot be normalised and are rejected.
/// </remarks>
public sealed class Mnemonic
{
    private const int BitsPerWord = 11;
    private const int PbkdfIterations = 2048;
    private const int SeedLength = 64;

    private static readonly int[] ValidWordCounts = [12, 15, 18, 21, 24];

    /// <summary>Whether this process can NFKD-normalise non-ASCII text (false in globalization-invariant mode).</summary>
    private static readonly bool CanNormalize = "\u00e9".Normalize(NormalizationForm.FormKD).Length == 2;

    private readonly string[] _words;

    private Mnemonic(string[] words) => _words = words;

    /// <summary>The words, separated by single spaces.</summary>
    public string Phrase => string.Join(' ', _words);

    /// <summary>The words in order.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Parses and validates a phrase: word count, every word in the English list, and the checksum.</summary>
    /// <param name="phrase">The words, separated by any whitespace.</param>
    /// <returns>The mnemonic.</returns>
    /// <exception cref="InvalidMnemonicException">
    /// The word count is not 12, 15, 18, 21 or 24; a word is not in the list (the message names it and
    /// its position); or the checksum does not match.
    /// </exception>
    public static Mnemonic Parse(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        string[] words = Normalize(phrase).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!ValidWordCounts.Contains(words.Length))
        {
            throw new InvalidMnemonicException($"A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, not {words.Length}.");
        }

        int[] indices = new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            indices[i] = Bip39EnglishWordlist.IndexOf(words[i]);
            if (indices[i] < 0)
            {
                throw new InvalidMnemonicException(
                    $"Word {i + 1} of the mnemonic, '{words[i]}', is not in the BIP-39 English wordlist.", i + 1, words[i]);
            }
        }

        byte[] bits = PackIndices(indices);
        int entropyLength = EntropyLength(words.Length);
        byte expected = Checksum(bits.AsSpan(0, entropyLength), words.Length);
        byte actual = (byte)(bits[entropyLength] & ChecksumMask(words.Length));
        CryptographicOperations.ZeroMemory(bits);
        if (expected != actual)
        {
            throw new InvalidMnemonicException("The mnemonic's BIP-39 checksum does not match: a word is wrong or out of order.");
        }

        return new Mnemonic(words);
    }

    /// <summary>Tries to parse a phrase; see <see cref="Parse"/>.</summary>
    /// <param name="phrase">The words.</param>
    /// <param name="mnemonic">The mnemonic on success.</param>
    /// <returns>Whether the phrase is a valid BIP-39 mnemonic.</returns>
    public static bool TryParse([NotNullWhen(true)] string? phrase, [NotNullWhen(true)] out Mnemonic? mnemonic)
    {
        mnemonic = null;
        if (phrase is null)
        {
            return false;
        }

        try
        {
            mnemonic = Parse(phrase);
            return true;
        }
        catch (InvalidMnemonicException)
        {
            return false;
        }
    }

    /// <summary>Encodes entropy as a phrase (16, 20, 24, 28 or 32 bytes give 12 to 24 words).</summary>
    /// <param name="entropy">The entropy.</param>
    /// <returns>The mnemonic.</returns>
    /// <exception cref="ArgumentException">The entropy is not 16, 20, 24, 28 or 32 bytes.</exception>
    public static Mnemonic FromEntropy(ReadOnlySpan<byte> entropy)
    {
        int wordCount = entropy.Length * 3 / 4;
        if (entropy.Length % 4 != 0 || !ValidWordCounts.Contains(wordCount))
        {
            throw new ArgumentException($"BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not {entropy.Length}.", nameof(entropy));
        }

        // The entropy followed by its checksum bits (at most 8, in the top of the last byte).
        byte[] bits = new byte[entropy.Length + 1];
        try
        {
            entropy.CopyTo(bits);
            bits[^1] = Checksum(entropy, wordCount);
            var words = new string[wordCount];
            for (int i = 0; i < wordCount; i++)
            {
                words[i] = Bip39EnglishWordlist.Words[ReadIndex(bits, i)];
            }

            return new Mnemonic(words);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bits);
        }
    }

    /// <summary>Creates a new phrase from the operating system's secure random generator.</summary>
    /// <param name="wordCount">12, 15, 18, 21 or 24.</param>
    /// <returns>The mnemonic.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The word count is not one of the allowed values.</exception>
    public static Mnemonic Generate(int wordCount = 12)
    {
        if (!ValidWordCounts.Contains(wordCount))
        {
            throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words.");
        }

        Span<byte> entropy = stackalloc byte[EntropyLength(wordCount)];
        RandomNumberGenerator.Fill(entropy);
        try
        {
            return FromEntropy(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>Decodes the entropy the phrase encodes.</summary>
    /// <returns>16 to 32 bytes; a secret.</returns>
    public byte[] GetEntropy()
    {
        int[] indices = Array.ConvertAll(_words, Bip39EnglishWordlist.IndexOf);
        byte[] bits = PackIndices(indices);
        byte[] entropy = bits.AsSpan(0, EntropyLength(_words.Length)).ToArray();
        CryptographicOperations.ZeroMemory(bits);
        return entropy;
    }

    /// <summary>Derives the 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic" + passphrase, both NFKD.</summary>
    /// <param name="passphrase">The optional passphrase ("25th word"); empty by default.</param>
    /// <returns>The seed, a secret (the input to BIP-32).</returns>
    /// <exception cref="NotSupportedException">The passphrase is not ASCII and this process cannot NFKD-normalise (globalization-invariant mode).</exception>
    public byte[] DeriveSeed(string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        byte[] password = Encoding.UTF8.GetBytes(Phrase);
        byte[] salt = Encoding.UTF8.GetBytes("mnemonic" + NormalizeOrThrow(passphrase));
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, PbkdfIterations, HashAlgorithmName.SHA512, SeedLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(salt);
        }
    }

    /// <summary>Shows the word count only, never the words.</summary>
    /// <returns>For example <c>Mnemonic (12 words)</c>.</returns>
    public override string ToString() => $"Mnemonic ({_words.Length} words)";

    private static int EntropyLength(int wordCount) => wordCount * 4 / 3;

    /// <summary>The top wordCount/3 bits of SHA-256(entropy), left in place in a byte.</summary>
    private static byte Checksum(ReadOnlySpan<byte> entropy, int wordCount)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(entropy, hash);
        return (byte)(hash[0] & ChecksumMask(wordCount));
    }

    private static byte ChecksumMask(int wordCount) => (byte)(0xFF << (8 - (wordCount / 3)));

    /// <summary>Packs 11-bit word indices, most significant bit first.</summary>
    private static byte[] PackIndices(int[] indices)
    {
        byte[] bits = new byte[((indices.Length * BitsPerWord) + 7) / 8];
        for (int i = 0; i < indices.Length; i++)
        {
            for (int b = 0; b < BitsPerWord; b++)
            {
                if ((indices[i] & (1 << (BitsPerWord - 1 - b))) != 0)
                {
                    int position = (i * BitsPerWord) + b;
                    bits[position / 8] |= (byte)(0x80 >> (position % 8));
                }
            }
        }

        return bits;
    }

    /// <summary>Reads the 11-bit index of word <paramref name="word"/>, most significant bit first.</summary>
    private static int ReadIndex(ReadOnlySpan<byte> bits, int word)
    {
        int index = 0;
        for (int b = 0; b < BitsPerWord; b++)
        {
            int position = (word * BitsPerWord) + b;
            index = (index << 1) | ((bits[position / 8] >> (7 - (position % 8))) & 1);
        }

        return index;
    }

    /// <summary>NFKD where the platform can; otherwise unchanged (non-ASCII words then fail the wordlist lookup).</summary>
    private static string Normalize(string text) =>
        CanNormalize && !Ascii.IsValid(text) ? text.Normalize(NormalizationForm.FormKD) : text;

    private static string NormalizeOrThrow(string text)
    {
        if (!CanNormalize && !Ascii.IsValid(text))
        {
            throw new NotSupportedException(
                "BIP-39 requires NFKD normalisation of a non-ASCII passphrase, which this process cannot do in globalization-invariant mode (InvariantGlobalization / no ICU).");
        }

        return Normalize(text);
    }
}
