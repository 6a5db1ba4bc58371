namespace EthCx.Chain.Accounts;

/// <summary>
/// A BIP-39 phrase is not valid: wrong number of words, a word that is not in the English
/// wordlist (<see cref="WordPosition"/> and <see cref="Word"/> say which), or a checksum mismatch.
/// </summary>
public sealed class InvalidMnemonicException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidMnemonicException()
        : base("The BIP-39 mnemonic is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the phrase.</param>
    public InvalidMnemonicException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong with the phrase.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidMnemonicException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a word that is not in the wordlist.</summary>
    /// <param name="message">What is wrong with the phrase.</param>
    /// <param name="wordPosition">The 1-based position of the bad word.</param>
    /// <param name="word">The bad word.</param>
    public InvalidMnemonicException(string message, int wordPosition, string word)
        : base(message)
    {
        WordPosition = wordPosition;
        Word = word;
    }

    /// <summary>The 1-based position of the word that is not in the wordlist, if that is the problem.</summary>
    public int? WordPosition { get; }

    /// <summary>The word that is not in the wordlist, if that is the problem.</summary>
    public string? Word { get; }
}
