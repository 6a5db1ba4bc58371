using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.Bindings;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Testing;
using Xunit.Abstractions;

namespace EthCx.IntegrationTests.Contracts.Product.Consent;

/// <summary>
/// Consent over time: a grant and a withdrawal in one block, an old signed grant after a withdrawal, interactions
/// after withdrawal and expiry, and what withdrawing costs against giving.
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class ConsentLifecycleTests(ProductFixture fixture, ITestOutputHelper output) : ConsentTest(fixture), IClassFixture<ProductFixture>
{
    /// <summary>
    /// Both transactions are sent by the subject (so the block orders them by nonce) with automine off and mined
    /// together by evm_mine. Within one block the "no" prevails: a withdrawal after the grant withdraws it, and a grant
    /// after the withdrawal reverts with ConsentEndedInSameBlock. Without an earlier grant the "no" is a refusal.
    /// </summary>
    [Theory]
    [InlineData(true, true, ConsentStatus.Withdrawn)]
    [InlineData(true, false, ConsentStatus.Withdrawn)]
    [InlineData(false, true, ConsentStatus.Withdrawn)]
    [InlineData(false, false, ConsentStatus.Refused)]
    public async Task A_grant_and_a_withdrawal_mined_in_one_block_end_withdrawn_in_either_order(bool grantedBefore, bool grantFirst, ConsentStatus expected)
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        if (grantedBefore)
        {
            await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        }

        Bytes32 grant, withdrawal;
        await Rpc.EvmSetAutomineAsync(false);
        try
        {
            var give = new GiveFunction(Controller, CustomerCare, Terms(receipt: "renewed")) { Gas = MinedGas };
            var withdraw = new WithdrawFunction(Controller, CustomerCare) { Gas = MinedGas };
            if (grantFirst)
            {
                grant = await consent.GiveRequestAsync(give);
                withdrawal = await consent.WithdrawRequestAsync(withdraw);
            }
            else
            {
                withdrawal = await consent.WithdrawRequestAsync(withdraw);
                grant = await consent.GiveRequestAsync(give);
            }

            await Rpc.EvmMineAsync();
        }
        finally
        {
            await Rpc.EvmSetAutomineAsync(true);
        }

        TransactionReceipt withdrawn = await consent.Client.WaitForReceiptAsync(withdrawal);
        TransactionReceipt granted = (await Rpc.GetTransactionReceiptAsync(grant))!;
        Assert.Equal(withdrawn.BlockNumber, granted.BlockNumber);
        Assert.Equal(grantFirst, granted.TransactionIndex < withdrawn.TransactionIndex);
        Assert.Equal(expected, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact));
        if (grantFirst)
        {
            Assert.True(granted.Succeeded);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ConsentEndedInSameBlockException>(() => TypedReverts.Translate(consent.Client.WaitForReceiptAsync(grant, ConsentRegistryErrors.All), ConsentRegistryErrors.ToTyped));
            Assert.Equal((Subject, Controller, CustomerCare, expected), (error.Subject, error.Controller, error.Purpose, error.Status));
        }
    }

    [Fact]
    public async Task A_grant_in_the_block_after_a_withdrawal_is_accepted()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        await consent.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);

        await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(receipt: "receipt 2"));

        ConsentRecord record = await consent.ConsentOfQueryAsync(Subject, Controller, CustomerCare);
        Assert.Equal((ConsentStatus.Given, 2u), (record.Status, record.Version));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_old_signed_grant_replayed_after_a_withdrawal_is_ConsentInvalidSignature(bool withdrawBySignature)
    {
        ulong deadline = await NowAsync() + 3600;
        byte[] grant = await SignGrantAsync(CustomerCare, Terms(), deadline);
        ConsentRegistryService relayer = Consent(Party.Controller);
        await relayer.GiveBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, Terms(), deadline, grant);
        if (withdrawBySignature)
        {
            byte[] withdrawal = await SignWithdrawalAsync(CustomerCare, deadline);
            await relayer.WithdrawBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, deadline, withdrawal);
        }
        else
        {
            await Consent(Party.Subject).WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);
        }

        var error = await Assert.ThrowsAsync<ConsentInvalidSignatureException>(() => relayer.GiveBySigRequestAndWaitForReceiptAsync(new GiveBySigFunction(Subject, Controller, CustomerCare, Terms(), deadline, grant) { Gas = MinedGas }));

        Assert.Equal(Subject, error.Subject);
        Assert.Equal(ConsentStatus.Withdrawn, await relayer.StatusOfQueryAsync(Subject, Controller, CustomerCare));
    }

    [Fact]
    public async Task A_signed_grant_not_yet_relayed_is_void_once_a_signed_withdrawal_is_relayed()
    {
        ulong deadline = await NowAsync() + 3600;
        byte[] grant = await SignGrantAsync(CustomerCare, Terms(), deadline);
        byte[] withdrawal = await SignWithdrawalAsync(CustomerCare, deadline);
        ConsentRegistryService relayer = Consent(Party.Stranger);
        await relayer.WithdrawBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, deadline, withdrawal);

        var error = await Assert.ThrowsAsync<ConsentInvalidSignatureException>(() => Consent(Party.Controller).GiveBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, Terms(), deadline, grant));

        Assert.Equal(Subject, error.Subject);
        Assert.Equal(ConsentStatus.Refused, await relayer.StatusOfQueryAsync(Subject, Controller, CustomerCare));
    }

    [Fact]
    public async Task Interactions_stop_for_a_withdrawn_purpose_and_go_on_for_a_purpose_still_in_force()
    {
        ConsentRegistryService subject = Consent(Party.Subject);
        ConsentRegistryService controller = Consent(Party.Controller);
        await subject.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        await subject.GiveRequestAndWaitForReceiptAsync(Controller, DeliveryOfGoods, Terms(PostalAddress));
        await controller.RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.ServiceContact, CustomerCare, Id("ticket 1"));

        await subject.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);

        var error = await Assert.ThrowsAsync<ConsentNotInForceException>(() => controller.RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.ServiceContact, CustomerCare, Id("ticket 2")));
        Assert.Equal(ConsentStatus.Withdrawn, error.Status);
        await controller.RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.Shipment, DeliveryOfGoods, Id("shipment 1"));
        IReadOnlyList<EventLog<InteractionRecordedEventDto>> trail = await controller.GetInteractionRecordedEventsAsync(new InteractionRecordedEventFilter { Subject = [Subject] }, BlockParameter.Earliest, BlockParameter.Latest);
        Assert.Equal([Id("ticket 1"), Id("shipment 1")], trail.Select(log => log.Event.ReferenceHash));
    }

    [Fact]
    public async Task Interactions_stop_when_the_purpose_expires_with_the_mined_transaction_reverting()
    {
        ulong expiresAt = await NowAsync() + 1000;
        await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(expiresAt: expiresAt));
        ConsentRegistryService controller = Consent(Party.Controller);
        await NextBlockAtAsync(expiresAt - 1);
        await controller.RecordInteractionRequestAndWaitForReceiptAsync(new RecordInteractionFunction(Subject, InteractionKind.Purchase, CustomerCare, Id("order 1")) { Gas = MinedGas });
        await NextBlockAtAsync(expiresAt);

        var error = await Assert.ThrowsAsync<ConsentNotInForceException>(() => controller.RecordInteractionRequestAndWaitForReceiptAsync(new RecordInteractionFunction(Subject, InteractionKind.Purchase, CustomerCare, Id("order 2")) { Gas = MinedGas }));

        Assert.Equal(("transaction", ConsentStatus.Expired), (error.Operation, error.Status));
    }

    /// <summary>
    /// GDPR Art. 7(3): withdrawing is as easy as giving. From the same state (a fresh key, or a key with consent
    /// given), the withdrawal uses no more gas than the grant, directly and by signature.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Withdrawing_costs_no_more_gas_than_giving_from_the_same_state(bool givenBefore, bool bySignature)
    {
        if (givenBefore)
        {
            await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(receipt: "first"));
        }

        ulong giving = await GasFromHereAsync(async () =>
        {
            ulong deadline = await NowAsync() + 3600;
            return bySignature
                ? await Consent(Party.Controller).GiveBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, Terms(receipt: "second"), deadline, await SignGrantAsync(CustomerCare, Terms(receipt: "second"), deadline))
                : await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(receipt: "second"));
        });
        ulong withdrawing = await GasFromHereAsync(async () =>
        {
            ulong deadline = await NowAsync() + 3600;
            return bySignature
                ? await Consent(Party.Controller).WithdrawBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, deadline, await SignWithdrawalAsync(CustomerCare, deadline))
                : await Consent(Party.Subject).WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);
        });

        output.WriteLine($"from {(givenBefore ? "a given consent" : "a fresh key")}{(bySignature ? ", by signature" : "")}: giving {giving} gas, withdrawing {withdrawing} gas");
        Assert.True(withdrawing <= giving, $"withdrawing used {withdrawing} gas, giving {giving}");
    }

    /// <summary>The gas an operation uses from the current state, which is restored afterwards.</summary>
    private async Task<ulong> GasFromHereAsync(Func<Task<TransactionReceipt>> operation)
    {
        TransactionReceipt receipt;
        await using (await Node.SnapshotAsync())
        {
            receipt = await operation();
        }

        foreach (Party party in (Party[])[Party.Subject, Party.Controller])
        {
            Client(party).Nonces!.Resync();
        }

        return receipt.GasUsed;
    }
}
