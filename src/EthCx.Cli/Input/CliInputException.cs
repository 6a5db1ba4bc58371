namespace EthCx.Cli.Input;

/// <summary>
/// Bad input on the command line: the message names the argument or option (<c>&lt;address&gt;</c>,
/// <c>--private-key</c>) and what is wrong with it. Never built from a secret's value.
/// </summary>
public sealed class CliInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="argument">The argument or option, as the usage line shows it.</param>
    /// <param name="problem">What is wrong, without repeating a secret.</param>
    /// <param name="innerException">The parser's error, if any.</param>
    public CliInputException(string argument, string problem, Exception? innerException = null)
        : base($"{argument}: {problem}", innerException)
    {
        Argument = argument;
        Problem = problem;
    }

    /// <summary>The argument or option.</summary>
    public string Argument { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
