using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Rpc;

/// <summary>The test infrastructure itself: nodes stop when disposed, and the dev accounts are right.</summary>
public sealed class LocalNodeTests
{
    [Fact]
    public async Task Disposing_a_started_node_stops_it()
    {
        LocalNode node = await LocalNode.StartAsync(LocalNodeKind.Anvil);
        Uri url = node.Url;
        Assert.False(node.IsExternal);
        Assert.Equal(31337UL, await node.Client.ChainIdAsync());

        await node.DisposeAsync();

        using var transport = new HttpRpcTransport(url);
        RpcTransportException error = await Assert.ThrowsAsync<RpcTransportException>(() => new EthRpcClient(transport).ChainIdAsync());
        Assert.Equal($"Could not reach the node at {url.Scheme}://{url.Host}:{url.Port}: Connection refused", error.Message);
    }

    [Fact]
    public async Task A_used_up_snapshot_cannot_be_reverted_twice()
    {
        await using LocalNode node = await LocalNode.StartAsync(LocalNodeKind.Anvil);
        NodeSnapshot outer = await node.SnapshotAsync();
        NodeSnapshot inner = await node.SnapshotAsync();

        await outer.DisposeAsync();
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => inner.DisposeAsync().AsTask());

        Assert.Equal($"evm_revert to snapshot {inner.Id} returned false: the snapshot is unknown or was used up by reverting to an earlier one.", error.Message);
    }

    [Fact]
    public void Dev_account_keys_derive_their_addresses_according_to_cast()
    {
        foreach (DevAccount account in DevAccounts.All)
        {
            string derived = Oracle.Cast("wallet", "address", "--private-key", account.PrivateKey.ToString());
            Assert.Equal(account.Address, Address.Parse(derived));
            string fromMnemonic = Oracle.Cast("wallet", "private-key", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", account.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(account.PrivateKey, Bytes32.Parse(fromMnemonic));
        }
    }
}
