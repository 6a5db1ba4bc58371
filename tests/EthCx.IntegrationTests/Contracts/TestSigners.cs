using EthCx.Chain.Accounts;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts;

/// <summary>Signers for the dev accounts, made once per test run (their keys are public test keys).</summary>
internal static class TestSigners
{
    private static readonly PrivateKeySigner[] Signers = [.. DevAccounts.All.Select(account => new PrivateKeySigner(account.PrivateKey.Bytes))];

    public static PrivateKeySigner Of(int index) => Signers[index];
}
