using System.CommandLine;

namespace EthCx.Cli.Commands;

/// <summary>
/// Runs a command's body so that bad input and failed operations end as one line on stderr
/// and exit code 1, never a stack trace.
/// </summary>
internal static class CliCommand
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, printing its result line.</summary>
    public static void SetAction(Command command, Func<ParseResult, string> body)
    {
        command.SetAction(parseResult => Run(parseResult, () => body(parseResult)));
    }

    private static int Run(ParseResult parseResult, Func<string> body)
    {
        try
        {
            parseResult.InvocationConfiguration.Output.WriteLine(body());
            return 0;
        }
        catch (Exception error) when (error is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }
}
