using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.Chain.Fees;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Chain.Transactions;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Services;
using EthCx.Services.Loyalty;

namespace EthCx.Throughput;

/// <summary>
/// Award-for-purchase throughput: the same awards (purchase references, customers, points) made by
/// a raw loop of pre-signed <c>award</c> transactions (<c>eth_sendRawTransaction</c>, then
/// <c>eth_getTransactionReceipt</c>, over a bare <see cref="HttpClient"/>: the node's ceiling), by
/// ethers v6 (<c>contract.award(...)</c>, <c>tx.wait()</c>) and by <see cref="LoyaltyService.AwardForPurchaseAsync"/>,
/// each on a freshly deployed <c>LoyaltyPoints</c> with the same warm-up awards first, in alternating
/// rounds: one merchant one award at a time, one merchant with <see cref="Merchants"/> awards in flight (not
/// ethers), and <see cref="Merchants"/> merchants at once, each one award after the other.
/// </summary>
internal sealed class AwardThroughput(string url, int rounds, string ethersScript) : IDisposable
{
    /// <summary>The merchants of the concurrent runs: accounts 1 to 16 of the test mnemonic (account 0 deploys).</summary>
    public const int Merchants = 16;

    private const int Customers = 64;
    private const int WarmUp = 2 * Merchants;
    private const ulong RawGasLimit = 200_000;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpRpcTransport _transport = new(new Uri(url));
    private readonly HttpClient _http = new();
    private readonly HdWallet _wallet = HdWallet.FromMnemonic("test test test test test test test test test test test junk");
    private EthRpcClient _rpc = null!;
    private ChainClient _admin = null!;
    private ChainClient[] _merchants = [];

    private enum Contender
    {
        Raw,
        Ethers,
        EthCx,
    }

    /// <summary>How many merchants send, and how many awards are in flight at once.</summary>
    private sealed record Mode(string Name, int Merchants, int InFlight);

    /// <summary>Measures and prints the table.</summary>
    /// <param name="count">Timed awards per run.</param>
    public async Task RunAsync(int count)
    {
        _rpc = new EthRpcClient(_transport);
        _admin = await ChainClient.ConnectAsync(_rpc, _wallet.DeriveSigner(0));
        _merchants = await Task.WhenAll(Enumerable.Range(1, Merchants).Select(i => ChainClient.ConnectAsync(_rpc, _wallet.DeriveSigner(i))));
        Mode[] modes = [new("1 merchant, 1 at a time", 1, 1), new($"1 merchant, {Merchants} in flight", 1, Merchants), new($"{Merchants} merchants, 1 each", Merchants, Merchants)];

        Console.WriteLine($"Award throughput against {url}: {count} awards per run (after {WarmUp} warm-up awards), each run on a fresh LoyaltyPoints, best of {rounds} rounds, contenders alternating.");
        foreach (Contender contender in (Contender[])[Contender.Raw, Contender.EthCx])
        {
            await MeasureAsync(contender, modes[^1], WarmUp * 4); // warms this process up; not counted
        }

        List<(Mode Mode, double[] Best)> results = [];
        foreach (Mode mode in modes)
        {
            results.Add((mode, await BestOfAsync(mode, count)));
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-30} {"raw loop",13} {"ethers v6",14} {"LoyaltyService",19} {"vs raw",7} {"vs ethers",10}");
        foreach ((Mode mode, double[] best) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode.Name,-30} {best[0],8:0} tx/s {(best[1] > 0 ? $"{best[1],9:0} tx/s" : $"{"-",14}")} {best[2],14:0} tx/s {best[2] / best[0],6:0.00}x {(best[1] > 0 ? $"{best[2] / best[1],9:0.00}x" : $"{"-",10}")}"));
        }

        Console.WriteLine("(No ethers v6 row with one merchant and several awards in flight: its sends can reach the node out of nonce order, which Hardhat's automine refuses.)");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _http.Dispose();
        _transport.Dispose();
        _wallet.Dispose();
    }

    private static Address CustomerOf(int i) =>
        Address.FromBytes(Bytes32.Keccak(Encoding.UTF8.GetBytes($"customer-{i % Customers}")).Bytes[12..]);

    private static long PointsOf(int i) => 10 + (i % 90);

    private static PurchaseReference ReferenceOf(string prefix, int i) => PurchaseReference.FromOrderId($"{prefix}-{i}");

    /// <summary>
    /// Runs <paramref name="inFlight"/> workers at once, each making the award <paramref name="take"/> deals it until
    /// there is none left; returns awards per second.
    /// </summary>
    private static async Task<double> RunAsync(int inFlight, int count, Func<int, Task<bool>> take)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(worker => Task.Run(async () =>
        {
            while (await take(worker))
            {
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Deals the awards to workers: with a merchant per worker, merchant m's share (m, m + merchants, ...); else the next one left.</summary>
    private static Func<int, int?> Dealer(int merchants, int inFlight, int count)
    {
        int[] next = [.. Enumerable.Range(0, inFlight)];
        int shared = -1;
        return merchants == inFlight
            ? worker => next[worker] < count ? (next[worker] += merchants) - merchants : null
            : _ => Interlocked.Increment(ref shared) is var i && i < count ? i : null;
    }

    private static async Task<double> LoyaltyServiceAsync(ChainClient[] clients, int inFlight, Address points, string prefix, int count)
    {
        LoyaltyService[] services = [.. clients.Select(client => new LoyaltyService(client, points))];
        var items = Enumerable.Range(0, count).Select(i => (Customer: CustomerOf(i), Purchase: ReferenceOf(prefix, i), Points: PointsOf(i))).ToArray();
        Func<int, int?> deal = Dealer(clients.Length, inFlight, count);
        return await RunAsync(inFlight, count, async worker =>
        {
            if (deal(worker) is not { } i)
            {
                return false;
            }

            AwardResult result = await services[worker % services.Length].AwardForPurchaseAsync(items[i].Customer, items[i].Purchase, items[i].Points);
            return result.Outcome == AwardOutcome.Awarded ? true : throw new InvalidOperationException($"Purchase {prefix}-{i} was not awarded by this call: {result.Outcome}.");
        });
    }

    private async Task<double[]> BestOfAsync(Mode mode, int count)
    {
        var best = new double[3];
        for (int round = 0; round < rounds; round++)
        {
            foreach (Contender contender in Enum.GetValues<Contender>())
            {
                if (contender != Contender.Ethers || mode.Merchants == mode.InFlight)
                {
                    best[(int)contender] = Math.Max(best[(int)contender], await MeasureAsync(contender, mode, count));
                }
            }
        }

        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {mode.Name}: raw {best[0]:0}, ethers {best[1]:0}, LoyaltyService {best[2]:0} tx/s"));
        return best;
    }

    /// <summary>Deploys a fresh contract, makes the warm-up awards, then times <paramref name="count"/> awards.</summary>
    private async Task<double> MeasureAsync(Contender contender, Mode mode, int count)
    {
        Address points = await DeployAsync();
        ChainClient[] clients = _merchants[..mode.Merchants];
        foreach (ChainClient client in clients)
        {
            client.Nonces!.Resync(); // the other contenders sent from the same accounts
        }

        switch (contender)
        {
            case Contender.Raw:
                await RawAsync(clients, mode.InFlight, points, "warm-up", WarmUp);
                return await RawAsync(clients, mode.InFlight, points, "order", count);
            case Contender.Ethers:
                return await EthersAsync(points, mode.Merchants, count); // its warm-up is in the script
            default:
                await LoyaltyServiceAsync(clients, mode.InFlight, points, "warm-up", WarmUp);
                return await LoyaltyServiceAsync(clients, mode.InFlight, points, "order", count);
        }
    }

    private async Task<Address> DeployAsync()
    {
        Address admin = _admin.Signer!.Address;
        DeploymentResult deployed = await _admin.DeployAsync(new LoyaltyPointsDeployment("Bench Points", "BPT", 0, admin).Encode());
        var points = new LoyaltyPointsService(_admin, deployed.Address);
        Bytes32[] grants = new Bytes32[_merchants.Length];
        for (int i = 0; i < grants.Length; i++)
        {
            grants[i] = await points.GrantRoleRequestAsync(ContractRoles.Merchant, _merchants[i].Signer!.Address);
        }

        await Task.WhenAll(grants.Select(hash => _admin.WaitForReceiptAsync(hash)));
        return deployed.Address;
    }

    /// <summary>
    /// Pre-signs every award with consecutive nonces (not timed), then posts each and fetches its receipt as bare
    /// JSON-RPC requests (timed). With one merchant and several awards in flight, the sends go one after the other in
    /// nonce order (as Hardhat's automine needs; the NonceManager does the same) and the receipts are fetched in parallel.
    /// </summary>
    private async Task<double> RawAsync(ChainClient[] clients, int inFlight, Address points, string prefix, int count)
    {
        FeeSuggestion fees = await new FeeOracle(_rpc).SuggestAsync();
        byte[][] sends = new byte[count][];
        byte[][] receipts = new byte[count][];
        for (int m = 0; m < clients.Length; m++)
        {
            ulong nonce = await _rpc.GetTransactionCountAsync(clients[m].Signer!.Address, BlockParameter.Pending);
            for (int i = m; i < count; i += clients.Length, nonce++)
            {
                SignedTransaction signed = await new Eip1559Transaction
                {
                    ChainId = clients[m].ChainId,
                    Nonce = nonce,
                    MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                    MaxFeePerGas = fees.MaxFeePerGas,
                    GasLimit = RawGasLimit,
                    To = points,
                    Data = new AwardFunction(CustomerOf(i), PointsOf(i), ReferenceOf(prefix, i).Hash).Encode(),
                }.SignAsync(clients[m].Signer!);
                sends[i] = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"{signed.ToHex()}\"]}}");
                receipts[i] = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getTransactionReceipt\",\"params\":[\"{signed.Hash}\"]}}");
            }
        }

        Func<int, int?> deal = Dealer(clients.Length, inFlight, count);
        using var inOrder = new SemaphoreSlim(1, 1);
        bool ordered = clients.Length < inFlight;
        return await RunAsync(inFlight, count, async worker =>
        {
            int i;
            string sent;
            if (ordered)
            {
                await inOrder.WaitAsync();
            }

            try
            {
                if (deal(worker) is not { } next)
                {
                    return false;
                }

                i = next;
                sent = await PostAsync(sends[i]);
            }
            finally
            {
                if (ordered)
                {
                    inOrder.Release();
                }
            }

            if (!sent.Contains("\"result\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The node refused a pre-signed award: {sent}");
            }

            string receipt;
            while ((receipt = await PostAsync(receipts[i])).Contains("\"result\":null", StringComparison.Ordinal))
            {
                await Task.Delay(1);
            }

            return receipt.Contains("\"status\":\"0x1\"", StringComparison.Ordinal) ? true : throw new InvalidOperationException($"A pre-signed award failed: {receipt}");
        });
    }

    private async Task<string> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using HttpResponseMessage response = await _http.PostAsync(new Uri(url), content);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Runs scripts/bench/ethers-awards.js, which awards the same purchases and times itself.</summary>
    private async Task<double> EthersAsync(Address points, int merchants, int count)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])[ethersScript, url, _admin.ChainId.ToString(CultureInfo.InvariantCulture), points.ToString(),
            count.ToString(CultureInfo.InvariantCulture), merchants.ToString(CultureInfo.InvariantCulture), WarmUp.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using Process node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        Task<string> output = node.StandardOutput.ReadToEndAsync();
        Task<string> errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"{ethersScript} failed (exit {node.ExitCode}): {(await errors).Trim()}");
        }

        using JsonDocument result = JsonDocument.Parse(await output);
        return result.RootElement.GetProperty("txPerSecond").GetDouble();
    }
}
