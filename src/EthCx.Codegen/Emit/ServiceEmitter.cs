using EthCx.Codegen.Model;

namespace EthCx.Codegen.Emit;

/// <summary>
/// Writes a contract's <c>XxxService</c>: deployment, <c>...QueryAsync</c> (an <c>eth_call</c>; for a function
/// that is not <c>view</c> or <c>pure</c> a simulation from the client's signer), <c>...RequestAsync</c>,
/// <c>...RequestAndWaitForReceiptAsync</c> and <c>...EstimateGasAsync</c> for transactions, each with the raw
/// parameters and with the message, <c>Get...EventsAsync</c> and <c>Decode...Events</c>. Every revert with one
/// of the contract's custom errors is rethrown as its typed exception.
/// </summary>
internal sealed class ServiceEmitter(ContractBinding contract, CodeWriter writer)
{
    private const string Token = "CancellationToken cancellationToken = default";
    private const string RevertDoc = "The contract reverted; one of its custom errors throws the error's typed subclass.";

    private string ToTyped => contract.ErrorsName + ".ToTyped";

    /// <summary>Writes the service into the writer and returns the file's text.</summary>
    public string Write()
    {
        writer.Blank();
        Docs.Summary(writer, contract.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"Calls the {Docs.Code(contract.SolidityName)} contract.");
        Docs.Remarks(
            writer,
            contract.Doc.Details is string details ? Docs.FromNatSpec(details) : null,
            $"Generated from {Docs.Code(contract.SourceName + ":" + contract.SolidityName)}. A revert with one of the contract's custom errors throws its typed exception (see {See(contract.ErrorsName)}); any other revert a {See("ContractRevertException")}.");
        writer.Line($"public sealed partial class {contract.ServiceName}");
        writer.Open();
        Docs.Summary(writer, "Creates a service for the contract at <paramref name=\"address\"/>.");
        Docs.Param(writer, "client", "The client: a node and, to send transactions, a signer.");
        Docs.Param(writer, "address", "The contract's address.");
        writer.Line($"public {contract.ServiceName}(ChainClient client, Address address)");
        writer.Open();
        writer.Line($"ContractHandler = new ContractHandler(client, address, {contract.ErrorsName}.All);");
        writer.Close();
        writer.Blank();
        Docs.Summary(writer, "The handler every call goes through.");
        writer.Line("public ContractHandler ContractHandler { get; }");
        writer.Blank();
        Docs.Summary(writer, "The contract's address.");
        writer.Line("public Address ContractAddress => ContractHandler.Address;");
        writer.Blank();
        Docs.Summary(writer, "The client.");
        writer.Line("public ChainClient Client => ContractHandler.Client;");
        if (contract.IsDeployable)
        {
            Deploy();
        }

        foreach (FunctionBinding function in contract.Functions)
        {
            Query(function);
            if (function.IsTransaction)
            {
                Send(function, "RequestAsync", "Task<Bytes32>", "SendAsync", "Sends a transaction calling", "The transaction hash (computed before sending).", false);
                Send(function, "RequestAndWaitForReceiptAsync", "Task<TransactionReceipt>", "SendAndWaitAsync", "Sends a transaction calling", "The receipt of the mined, successful transaction.", true);
                Send(function, "EstimateGasAsync", "Task<ulong>", "EstimateGasAsync", "Estimates the gas of a transaction calling", "The node's estimate.", false);
            }
        }

        foreach (EventBinding @event in contract.Events)
        {
            Events(@event);
        }

        if (contract.HasReceive)
        {
            Receive();
        }

        if (contract.Fallback is not null)
        {
            Fallback();
        }

        if (contract.Functions.Any(f => f.IsPayable))
        {
            writer.Blank();
            writer.Line("private async Task<object?[]> CallWithValueAsync(AbiFunction function, byte[] data, BigInteger value, BlockParameter block, CancellationToken cancellationToken)");
            writer.Open();
            writer.Line("var call = new CallRequest { From = Client.Signer?.Address, To = ContractAddress, Data = data, Value = value };");
            writer.Line($"return function.DecodeOutput(await TypedReverts.Translate(Client.CallAsync(call, ContractHandler.Errors, block, cancellationToken), {ToTyped}).ConfigureAwait(false));");
            writer.Close();
        }

        if (contract.Functions.Any(f => f.IsTransaction) || contract.HasReceive || contract.Fallback is not null)
        {
            writer.Blank();
            writer.Line("private TransactionRequest Transaction(byte[] data, BigInteger value, ulong? gas) =>");
            writer.Line("    new() { To = ContractAddress, Data = data, Value = value, Gas = gas, Errors = ContractHandler.Errors };");
        }

        writer.Close();
        return writer.ToString();
    }

    private void Deploy()
    {
        ConstructorBinding constructor = contract.Constructor;
        string deployment = contract.DeploymentName;
        string raw = RawParameters(constructor.Inputs, constructor.IsPayable);
        string newDeployment = $"new {deployment}({Arguments(constructor.Inputs)})" + (constructor.IsPayable ? " { AmountToSend = amountToSend }" : string.Empty);

        writer.Blank();
        DeployDocs("Deploys the contract and waits for the receipt.", null, "The contract's address and the deployment receipt.");
        writer.Line($"public static Task<DeploymentResult> DeployContractAndWaitForReceiptAsync(ChainClient client, {deployment} deployment, {Token})");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(client);");
        writer.Line("ArgumentNullException.ThrowIfNull(deployment);");
        string value = constructor.IsPayable ? "deployment.AmountToSend" : "BigInteger.Zero";
        writer.Line($"return TypedReverts.Translate(client.DeployAsync(deployment.Encode(), {value}, {contract.ErrorsName}.All, cancellationToken), {ToTyped});");
        writer.Close();

        writer.Blank();
        DeployDocs("Deploys the contract and waits for the receipt.", constructor, "The contract's address and the deployment receipt.");
        writer.Line($"public static Task<DeploymentResult> DeployContractAndWaitForReceiptAsync(ChainClient client{Prefix(raw)}, {Token}) =>");
        writer.Line($"    DeployContractAndWaitForReceiptAsync(client, {newDeployment}, cancellationToken);");

        writer.Blank();
        DeployDocs("Deploys the contract, waits for the receipt and returns a service for it.", null, "A service for the deployed contract.");
        writer.Line($"public static async Task<{contract.ServiceName}> DeployContractAndGetServiceAsync(ChainClient client, {deployment} deployment, {Token})");
        writer.Open();
        writer.Line("DeploymentResult result = await DeployContractAndWaitForReceiptAsync(client, deployment, cancellationToken).ConfigureAwait(false);");
        writer.Line($"return new {contract.ServiceName}(client, result.Address);");
        writer.Close();

        writer.Blank();
        DeployDocs("Deploys the contract, waits for the receipt and returns a service for it.", constructor, "A service for the deployed contract.");
        writer.Line($"public static Task<{contract.ServiceName}> DeployContractAndGetServiceAsync(ChainClient client{Prefix(raw)}, {Token}) =>");
        writer.Line($"    DeployContractAndGetServiceAsync(client, {newDeployment}, cancellationToken);");
    }

    private void DeployDocs(string summary, ConstructorBinding? raw, string returns)
    {
        Docs.Summary(writer, summary);
        Docs.Param(writer, "client", "The client: a node and a signer.");
        if (raw is null)
        {
            Docs.Param(writer, "deployment", "The constructor arguments.");
        }
        else
        {
            ParameterList(raw.Inputs, raw.IsPayable);
        }

        Docs.Param(writer, "cancellationToken", "Cancels the requests and the wait.");
        Docs.Returns(writer, returns);
        Docs.Exception(writer, "ContractRevertException", "The constructor reverted; one of the contract's custom errors throws the error's typed subclass.");
        Docs.Exception(writer, "ReceiptTimeoutException", "The deployment was not mined within the client's receipt time-out.");
    }

    private void Query(FunctionBinding function)
    {
        string returnType = function.Outputs.Count switch
        {
            0 => "Task",
            1 => $"Task<{function.Outputs[0].Type.Name}>",
            _ => $"Task<{function.OutputName}>",
        };
        string raw = RawParameters(function.Inputs, function.IsPayable);
        string parameters = $"{Suffix(raw)}BlockParameter block = default, {Token}";

        writer.Blank();
        QueryDocs(function, raw: true);
        writer.Line($"public {returnType} {function.Name}QueryAsync({parameters}) =>");
        writer.Line($"    {function.Name}QueryAsync({NewMessage(function)}, block, cancellationToken);");

        writer.Blank();
        QueryDocs(function, raw: false);
        writer.Line($"public async {returnType} {function.Name}QueryAsync({function.MessageName} message, BlockParameter block = default, {Token})");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(message);");
        string call = function.IsPayable
            ? $"CallWithValueAsync({function.MessageName}.Abi, message.Encode(), message.AmountToSend, block, cancellationToken)"
            : $"TypedReverts.Translate(ContractHandler.QueryAsync({function.MessageName}.Abi, message.ToAbiValues(), block, cancellationToken), {ToTyped})";
        switch (function.Outputs.Count)
        {
            case 0:
                writer.Line($"await {call}.ConfigureAwait(false);");
                break;
            case 1:
                writer.Line($"object?[] values = await {call}.ConfigureAwait(false);");
                writer.Line($"return {function.Outputs[0].Type.FromAbi("values[0]")};");
                break;
            default:
                writer.Line($"object?[] values = await {call}.ConfigureAwait(false);");
                writer.Line($"return {function.OutputName}.FromAbiValues(values);");
                break;
        }

        writer.Close();
    }

    private void QueryDocs(FunctionBinding function, bool raw)
    {
        Docs.Summary(writer, function.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"Calls {Docs.Code(function.Abi.Name)}.");
        string how = function.IsTransaction
            ? $"Simulates {Docs.Code(function.HumanReadable)} with <c>eth_call</c> from the client's signer: nothing is sent. Use {Docs.Code(function.Name + "RequestAsync")} to send it."
            : $"Calls {Docs.Code(function.HumanReadable)} with <c>eth_call</c>.";
        Docs.Remarks(writer, function.Doc.Details is string details ? Docs.FromNatSpec(details) : null, how);
        MessageOrParameters(function, raw);
        Docs.Param(writer, "block", "The block whose state the call runs against (by default the latest).");
        Docs.Param(writer, "cancellationToken", "Cancels the request.");
        Docs.Returns(writer, function.Outputs.Count switch
        {
            0 => "A task that completes when the call has succeeded.",
            1 => ParameterDocs.Describe(function.Outputs[0], "return value"),
            _ => "The return values.",
        });
        Docs.Exception(writer, "ContractRevertException", RevertDoc);
    }

    private void Send(FunctionBinding function, string suffix, string returnType, string clientMethod, string summary, string returns, bool waits)
    {
        string raw = RawParameters(function.Inputs, function.IsPayable);
        writer.Blank();
        SendDocs(function, summary, returns, waits, raw: true);
        writer.Line($"public {returnType} {function.Name}{suffix}({Suffix(raw)}{Token}) =>");
        writer.Line($"    {function.Name}{suffix}({NewMessage(function)}, cancellationToken);");

        writer.Blank();
        SendDocs(function, summary, returns, waits, raw: false);
        writer.Line($"public {returnType} {function.Name}{suffix}({function.MessageName} message, {Token})");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(message);");
        string value = function.IsPayable ? "message.AmountToSend" : "BigInteger.Zero";
        writer.Line($"return TypedReverts.Translate(Client.{clientMethod}(Transaction(message.Encode(), {value}, message.Gas), cancellationToken), {ToTyped});");
        writer.Close();
    }

    private void SendDocs(FunctionBinding function, string summary, string returns, bool waits, bool raw)
    {
        Docs.Summary(writer, $"{summary} {Docs.Code(function.Abi.Name)}.");
        string? notice = function.Doc.Notice is string n ? Docs.FromNatSpec(n) : null;
        Docs.Remarks(writer, notice, function.Doc.Details is string details ? Docs.FromNatSpec(details) : null, $"Solidity: {Docs.Code(function.HumanReadable)}.");
        MessageOrParameters(function, raw);
        Docs.Param(writer, "cancellationToken", waits ? "Cancels the requests and the wait." : "Cancels the requests.");
        Docs.Returns(writer, returns);
        Docs.Exception(writer, "ContractRevertException", waits ? RevertDoc + " Raised by the gas estimate, or by the mined transaction when the message sets a gas limit." : RevertDoc + " Raised by the gas estimate.");
        if (waits)
        {
            Docs.Exception(writer, "ReceiptTimeoutException", "The transaction was not mined within the client's receipt time-out.");
        }

        Docs.Exception(writer, "InvalidOperationException", "The client has no signer.");
    }

    private void Events(EventBinding @event)
    {
        string dto = @event.DtoName;
        bool filtered = @event.FilterTypes.Count > 0;
        writer.Blank();
        Docs.Summary(writer, $"Reads the {Docs.Code(@event.Abi.Name)} events of this contract with <c>eth_getLogs</c>.");
        string anonymous = @event.Abi.Anonymous
            ? " The event is anonymous: every log of the contract that the filter matches and that decodes as the event is returned, so another event with the same number of topics and a compatible layout would be too."
            : string.Empty;
        Docs.Remarks(writer, $"Solidity: {Docs.Code(@event.HumanReadable)}.{anonymous}");
        if (filtered)
        {
            Docs.Param(writer, "filter", "Values of the indexed fields to match, or null for every event.");
        }

        Docs.Param(writer, "fromBlock", "The first block searched.");
        Docs.Param(writer, "toBlock", "The last block searched.");
        Docs.Param(writer, "cancellationToken", "Cancels the request.");
        Docs.Returns(writer, "The events with their logs, in chain order.");
        if (!@event.Abi.Anonymous)
        {
            Docs.Exception(writer, "AbiDecodingException", "A matching log does not decode as the event.");
        }

        string filterParameter = filtered ? $"{@event.FilterName}? filter, " : string.Empty;
        writer.Line($"public async Task<IReadOnlyList<EventLog<{dto}>>> Get{@event.Name}EventsAsync({filterParameter}BlockParameter fromBlock, BlockParameter toBlock, {Token})");
        writer.Open();
        string topics = filtered ? "filter?.ToTopicFilter() ?? []" : "[]";
        if (@event.Abi.Anonymous)
        {
            writer.Line($"return await EventLogs.GetAnonymousAsync(ContractHandler, {dto}.Abi, {topics}, fromBlock, toBlock, {dto}.FromAbiValues, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            writer.Line($"IReadOnlyList<EventLog> logs = await ContractHandler.GetEventsAsync({dto}.Abi, {topics}, fromBlock, toBlock, cancellationToken).ConfigureAwait(false);");
            writer.Line($"return EventLogs.Convert(logs, {dto}.FromAbiValues);");
        }

        writer.Close();

        writer.Blank();
        Docs.Summary(writer, $"The {Docs.Code(@event.Abi.Name)} events this contract emitted in a transaction.");
        Docs.Param(writer, "receipt", "The transaction's receipt.");
        Docs.Returns(writer, "The events with their logs, in order.");
        writer.Line($"public IReadOnlyList<EventLog<{dto}>> Decode{@event.Name}Events(TransactionReceipt receipt)");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(receipt);");
        writer.Line($"return {dto}.DecodeAll(receipt.Logs, ContractAddress);");
        writer.Close();
    }

    private void Receive()
    {
        foreach ((string suffix, string type, string method, bool waits) in new[] { ("RequestAsync", "Task<Bytes32>", "SendAsync", false), ("RequestAndWaitForReceiptAsync", "Task<TransactionReceipt>", "SendAndWaitAsync", true) })
        {
            writer.Blank();
            Docs.Summary(writer, "Sends ether to the contract's <c>receive</c> function: a transaction without calldata.");
            Docs.Param(writer, "amountToSend", "The wei to send.");
            Docs.Param(writer, "cancellationToken", waits ? "Cancels the requests and the wait." : "Cancels the requests.");
            Docs.Returns(writer, waits ? "The receipt of the mined, successful transaction." : "The transaction hash.");
            Docs.Exception(writer, "ContractRevertException", RevertDoc);
            Docs.Exception(writer, "InvalidOperationException", "The client has no signer.");
            writer.Line($"public {type} Receive{suffix}(BigInteger amountToSend, {Token}) =>");
            writer.Line($"    TypedReverts.Translate(Client.{method}(Transaction([], amountToSend, null), cancellationToken), {ToTyped});");
        }
    }

    private void Fallback()
    {
        bool payable = contract.Fallback!.StateMutability == Chain.Abi.StateMutability.Payable;
        string amount = payable ? "BigInteger amountToSend = default, " : string.Empty;
        string value = payable ? "amountToSend" : "BigInteger.Zero";

        writer.Blank();
        Docs.Summary(writer, "Calls the contract's <c>fallback</c> function with <c>eth_call</c>: calldata that matches no function.");
        Docs.Param(writer, "data", "The calldata.");
        if (payable)
        {
            Docs.Param(writer, "amountToSend", "The wei sent with the call.");
        }

        Docs.Param(writer, "block", "The block whose state the call runs against (by default the latest).");
        Docs.Param(writer, "cancellationToken", "Cancels the request.");
        Docs.Returns(writer, "The raw return data.");
        Docs.Exception(writer, "ContractRevertException", RevertDoc);
        writer.Line($"public Task<byte[]> FallbackQueryAsync(byte[] data, {amount}BlockParameter block = default, {Token}) =>");
        writer.Line($"    TypedReverts.Translate(Client.CallAsync(new CallRequest {{ From = Client.Signer?.Address, To = ContractAddress, Data = data, Value = {value} }}, ContractHandler.Errors, block, cancellationToken), {ToTyped});");
        foreach ((string suffix, string type, string method, bool waits) in new[] { ("RequestAsync", "Task<Bytes32>", "SendAsync", false), ("RequestAndWaitForReceiptAsync", "Task<TransactionReceipt>", "SendAndWaitAsync", true) })
        {
            writer.Blank();
            Docs.Summary(writer, "Sends a transaction to the contract's <c>fallback</c> function: calldata that matches no function.");
            Docs.Param(writer, "data", "The calldata.");
            if (payable)
            {
                Docs.Param(writer, "amountToSend", "The wei to send.");
            }

            Docs.Param(writer, "cancellationToken", waits ? "Cancels the requests and the wait." : "Cancels the requests.");
            Docs.Returns(writer, waits ? "The receipt of the mined, successful transaction." : "The transaction hash.");
            Docs.Exception(writer, "ContractRevertException", RevertDoc);
            Docs.Exception(writer, "InvalidOperationException", "The client has no signer.");
            writer.Line($"public {type} Fallback{suffix}(byte[] data, {amount}{Token}) =>");
            writer.Line($"    TypedReverts.Translate(Client.{method}(Transaction(data, {value}, null), cancellationToken), {ToTyped});");
        }
    }

    private void MessageOrParameters(FunctionBinding function, bool raw)
    {
        if (raw)
        {
            ParameterList(function.Inputs, function.IsPayable);
        }
        else
        {
            Docs.Param(writer, "message", "The arguments" + (function.IsTransaction ? (function.IsPayable ? ", the wei to send and the gas limit." : " and the gas limit.") : "."));
        }
    }

    private void ParameterList(IReadOnlyList<ParameterBinding> inputs, bool payable)
    {
        foreach (ParameterBinding input in inputs)
        {
            Docs.Param(writer, input.Argument, ParameterDocs.Describe(input, "argument"));
        }

        if (payable)
        {
            Docs.Param(writer, "amountToSend", "The wei to send.");
        }
    }

    private static string RawParameters(IReadOnlyList<ParameterBinding> inputs, bool payable)
    {
        var parameters = inputs.Select(p => $"{p.Type.Name} {p.Argument}").ToList();
        if (payable)
        {
            parameters.Add("BigInteger amountToSend = default");
        }

        return string.Join(", ", parameters);
    }

    private static string NewMessage(FunctionBinding function) =>
        $"new {function.MessageName}({Arguments(function.Inputs)})" + (function.IsPayable ? " { AmountToSend = amountToSend }" : string.Empty);

    private static string Arguments(IReadOnlyList<ParameterBinding> inputs) => string.Join(", ", inputs.Select(p => p.Argument));

    private static string Suffix(string list) => list.Length == 0 ? string.Empty : list + ", ";

    private static string Prefix(string list) => list.Length == 0 ? string.Empty : ", " + list;

    private static string See(string cref) => $"<see cref=\"{cref}\"/>";
}
