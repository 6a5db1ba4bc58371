using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.Chain.Fees;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Chain.Transactions;

namespace EthCx.Throughput;

/// <summary>
/// Measures transaction throughput against a development node (automine, the standard test
/// mnemonic's funded accounts): EthCx's <see cref="ChainClient"/> beside a raw loop that posts
/// pre-signed <c>eth_sendRawTransaction</c> requests with a bare <see cref="HttpClient"/>, one
/// sender and 16 senders, alternating in rounds, and prints both with the ratio.
/// <c>scripts/bench/throughput</c> starts a node and runs it. With <c>--scenario award</c>, measures
/// awards for purchases instead (<see cref="AwardThroughput"/>, run by <c>scripts/bench/awards</c>).
/// </summary>
public static class Program
{
    private const int Senders = 16;
    private static readonly Address Recipient = Address.Parse("0x000000000000000000000000000000000000dEaD");

    /// <summary>Runs the measurement.</summary>
    /// <param name="args"><c>--rpc-url URL</c> (required), <c>--count N</c> transactions per run (default 1600, 800 for awards), <c>--rounds R</c> (default 3),
    /// <c>--scenario transfer|award</c> (default transfer), <c>--ethers-script PATH</c> (award; default scripts/bench/ethers-awards.js).</param>
    /// <returns>0 on success, 2 for bad arguments.</returns>
    public static async Task<int> Main(string[] args)
    {
        Dictionary<string, string> options = ParseArguments(args);
        if (!options.TryGetValue("--rpc-url", out string? url))
        {
            await Console.Error.WriteLineAsync("usage: EthCx.Throughput --rpc-url URL [--scenario transfer|award] [--count N] [--rounds R] [--ethers-script PATH]");
            return 2;
        }

        if (options.GetValueOrDefault("--scenario", "transfer") == "award")
        {
            using var awards = new AwardThroughput(url, int.Parse(options.GetValueOrDefault("--rounds", "3"), CultureInfo.InvariantCulture), options.GetValueOrDefault("--ethers-script", "scripts/bench/ethers-awards.js"));
            await awards.RunAsync(int.Parse(options.GetValueOrDefault("--count", "800"), CultureInfo.InvariantCulture) / AwardThroughput.Merchants * AwardThroughput.Merchants);
            return 0;
        }

        int count = int.Parse(options.GetValueOrDefault("--count", "1600"), CultureInfo.InvariantCulture) / Senders * Senders;
        int rounds = int.Parse(options.GetValueOrDefault("--rounds", "3"), CultureInfo.InvariantCulture);
        using var transport = new HttpRpcTransport(new Uri(url));
        var rpc = new EthRpcClient(transport);
        using var http = new HttpClient();
        using HdWallet wallet = HdWallet.FromMnemonic("test test test test test test test test test test test junk");
        PrivateKeySigner[] signers = [.. Enumerable.Range(0, Senders).Select(wallet.DeriveSigner)];
        ChainClient[] clients = await Task.WhenAll(signers.Select(signer => ChainClient.ConnectAsync(rpc, signer)));
        var raw = new RawSender(http, new Uri(url), rpc, clients[0].ChainId);
        var transfer = new TransactionRequest { To = Recipient, Value = 1, Gas = 21000 };

        Console.WriteLine($"Transaction throughput against {url}: {count} transfers per run, best of {rounds} rounds, raw and EthCx alternating.");
        await MeasureAsync("warm-up", 1, 200, raw, clients, transfer);
        Results sequential = await MeasureAsync("sequential", rounds, count, raw, clients[..1], transfer);
        Results concurrent = await MeasureAsync($"{Senders} senders", rounds, count, raw, clients, transfer);
        double presigned = await BestAsync(rounds, () => raw.RunAsync(clients[..1], count, transfer, throughEthRpcClient: true));
        double waited = await BestAsync(rounds, () => RunClientsAsync(clients[..1], count, client => client.SendAndWaitAsync(transfer)));
        double estimated = await BestAsync(rounds, () => RunClientsAsync(clients[..1], count, client => client.SendAsync(transfer with { Gas = null })));

        Console.WriteLine();
        Console.WriteLine($"{"",-38} {"raw loop",12} {"EthCx",12} {"ratio",7}");
        Print("sequential, SendAsync", sequential.Raw, sequential.EthCx);
        Print($"{Senders} senders, SendAsync", concurrent.Raw, concurrent.EthCx);
        Print("sequential, pre-signed via EthRpcClient", sequential.Raw, presigned);
        Print("sequential, SendAndWaitAsync (+receipt)", sequential.Raw, waited);
        Print("sequential, SendAsync, gas estimated", sequential.Raw, estimated);
        foreach (PrivateKeySigner signer in signers)
        {
            signer.Dispose();
        }

        return 0;
    }

    private static async Task<Results> MeasureAsync(string name, int rounds, int count, RawSender raw, ChainClient[] clients, TransactionRequest transfer)
    {
        double bestRaw = 0;
        double bestEthCx = 0;
        for (int round = 0; round < rounds; round++)
        {
            bestRaw = Math.Max(bestRaw, await raw.RunAsync(clients, count, transfer));
            bestEthCx = Math.Max(bestEthCx, await RunClientsAsync(clients, count, client => client.SendAsync(transfer)));
        }

        await Console.Error.WriteLineAsync($"  {name}: raw {bestRaw:0} tx/s, EthCx {bestEthCx:0} tx/s");
        return new Results(bestRaw, bestEthCx);
    }

    private static async Task<double> BestAsync(int rounds, Func<Task<double>> run)
    {
        double best = 0;
        for (int round = 0; round < rounds; round++)
        {
            best = Math.Max(best, await run());
        }

        return best;
    }

    /// <summary>Each client sends its share of <paramref name="count"/> one after the other, all clients at once; returns transactions per second.</summary>
    private static async Task<double> RunClientsAsync<T>(ChainClient[] clients, int count, Func<ChainClient, Task<T>> send)
    {
        foreach (ChainClient client in clients)
        {
            client.Nonces!.Resync(); // the raw loop sent from the same accounts
        }

        int share = count / clients.Length;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            for (int i = 0; i < share; i++)
            {
                await send(client);
            }
        })));
        return share * clients.Length / clock.Elapsed.TotalSeconds;
    }

    private static void Print(string name, double raw, double ethCx) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-38} {raw,8:0} tx/s {ethCx,7:0} tx/s {ethCx / raw,6:0.00}x"));

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private sealed record Results(double Raw, double EthCx);

    /// <summary>Pre-signs transfers (not timed), then posts them as bare JSON-RPC requests (timed).</summary>
    private sealed class RawSender(HttpClient http, Uri endpoint, EthRpcClient rpc, ulong chainId)
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        /// <summary>Pre-signs, then sends and returns transactions per second: bare HTTP posts, or <see cref="EthRpcClient"/> (to tell its cost from signing's).</summary>
        public async Task<double> RunAsync(ChainClient[] clients, int count, TransactionRequest transfer, bool throughEthRpcClient = false)
        {
            int share = count / clients.Length;
            FeeSuggestion fees = await new FeeOracle(rpc).SuggestAsync();
            SignedTransaction[][] batches = await Task.WhenAll(clients.Select(async client =>
            {
                ulong nonce = await rpc.GetTransactionCountAsync(client.Signer!.Address, BlockParameter.Pending);
                var requests = new SignedTransaction[share];
                for (int i = 0; i < share; i++)
                {
                    requests[i] = await new Eip1559Transaction
                    {
                        ChainId = chainId,
                        Nonce = nonce + (ulong)i,
                        MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                        MaxFeePerGas = fees.MaxFeePerGas,
                        GasLimit = transfer.Gas!.Value,
                        To = transfer.To,
                        Value = transfer.Value,
                    }.SignAsync(client.Signer);
                }

                return requests;
            }));
            // Everything but the exchange itself is prepared before the clock starts.
            Func<Task>[][] sends = [.. batches.Select(batch => batch.Select(signed => throughEthRpcClient
                ? () => rpc.SendRawTransactionAsync(signed.RawTransaction)
                : Post(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"{signed.ToHex()}\"]}}"))).ToArray())];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(sends.Select(batch => Task.Run(async () =>
            {
                foreach (Func<Task> send in batch)
                {
                    await send();
                }
            })));
            return share * clients.Length / clock.Elapsed.TotalSeconds;
        }

        private Func<Task> Post(byte[] body) => async () =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using HttpResponseMessage response = await http.PostAsync(endpoint, content);
            string answer = await response.Content.ReadAsStringAsync();
            if (!answer.Contains("\"result\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The node refused a pre-signed transaction: {answer}");
            }
        };
    }
}
