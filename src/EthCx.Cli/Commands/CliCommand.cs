using System.CommandLine;
using EthCx.Chain.Abi;
using EthCx.Chain.Rpc;
using EthCx.Chain.Contracts;
using EthCx.Cli.Domain;
using EthCx.Cli.Input;
using EthCx.Cli.Output;

namespace EthCx.Cli.Commands;

/// <summary>
/// Runs a command's body so that its result goes to the invocation's output and any failure ends
/// as one line on its error writer (<c>error: ...</c>) with exit code 1, never a stack trace.
/// </summary>
internal static class CliCommand
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, printing the text it returns.</summary>
    public static void SetAction(Command command, Func<ParseResult, string> body)
    {
        command.SetAction(parseResult =>
        {
            try
            {
                parseResult.InvocationConfiguration.Output.WriteLine(body(parseResult));
                return 0;
            }
            catch (Exception error)
            {
                return Fail(parseResult, error);
            }
        });
    }

    /// <summary>Sets <paramref name="command"/>'s action to the asynchronous <paramref name="body"/>, printing the text it returns.</summary>
    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<string>> body)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                string text = await body(parseResult, cancellationToken).ConfigureAwait(false);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(text).ConfigureAwait(false);
                return 0;
            }
            catch (Exception error)
            {
                return Fail(parseResult, error);
            }
        });
    }

    /// <summary>
    /// Adds <c>--rpc-url</c> and <c>--rpc-timeout</c> to <paramref name="command"/> and sets its action to
    /// <paramref name="body"/> with a connection to the node they name.
    /// </summary>
    public static void SetRpcAction(Command command, CliEnvironment environment, Func<ParseResult, RpcConnection, CancellationToken, Task<string>> body)
    {
        var rpc = new RpcOptions();
        rpc.AddTo(command);
        SetAction(command, async (parse, cancellationToken) =>
        {
            using RpcConnection connection = rpc.Connect(parse, environment);
            return await body(parse, connection, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// Adds the EthCx options (<see cref="ServiceOptions"/>: node, acting account, manifests, <c>--json</c>,
    /// <c>--progress</c>) to <paramref name="command"/> and sets its action to <paramref name="body"/>. A revert is
    /// described in the user's terms (<see cref="RevertWords"/>).
    /// </summary>
    public static void SetDomainAction(Command command, CliEnvironment environment, Func<DomainContext, CancellationToken, Task<string>> body)
    {
        var service = new ServiceOptions();
        service.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            DomainContext? context = null;
            try
            {
                context = new DomainContext(parse, service.Read(parse, environment), parse.GetValue(service.Json), service.ProgressWriter(parse));
                string text = await body(context, cancellationToken).ConfigureAwait(false);
                await parse.InvocationConfiguration.Output.WriteLineAsync(text).ConfigureAwait(false);
                return 0;
            }
            catch (ContractRevertException revert)
            {
                return Fail(parse, RevertWords.Describe(revert, context?.Inputs ?? new Dictionary<Chain.Primitives.Bytes32, string>()));
            }
            catch (Exception error)
            {
                return Fail(parse, context is null ? Describe(error) : RevertWords.Name(Describe(error), context.Inputs));
            }
            finally
            {
                context?.Dispose();
            }
        });
    }

    /// <summary>cast's <c>--block</c> (<c>-B</c>, or <c>-b</c> as <c>cast call</c> spells it): a number or a tag; latest by default.</summary>
    public static Option<string?> BlockOption() => new("--block", "-B", "-b")
    {
        Description = "The block to read at: a number, or latest, earliest, pending, safe, finalized.",
        HelpName = "BLOCK",
    };

    /// <summary>
    /// The one-line description of a failure: the exception's message (which names the argument, the
    /// URL, the decoded revert...), or for a node error that carries revert data, that data decoded as
    /// <see cref="Chain.Contracts.ContractRevertException"/> words it. Secrets never reach it: the
    /// exceptions built from key material do not repeat it.
    /// </summary>
    internal static string Describe(Exception error) => error switch
    {
        RpcException { ErrorData: { } data } rpc =>
            $"The {(rpc.Method.StartsWith("eth_", StringComparison.Ordinal) ? rpc.Method[4..] : rpc.Method)} reverted: {RevertDecoder.Decode(data.Span).Description}",
        OperationCanceledException => "cancelled",
        _ => error.Message,
    };

    private static int Fail(ParseResult parseResult, Exception error) => Fail(parseResult, Describe(error));

    private static int Fail(ParseResult parseResult, string description)
    {
        string line = description.ReplaceLineEndings(" ");
        parseResult.InvocationConfiguration.Error.WriteLine($"error: {line}");
        return 1;
    }
}
