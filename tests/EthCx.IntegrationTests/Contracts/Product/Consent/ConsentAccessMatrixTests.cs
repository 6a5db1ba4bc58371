using EthCx.Contracts.ConsentRegistry;
using EthCx.Testing;
using static EthCx.IntegrationTests.Contracts.Product.AccessMatrix;

namespace EthCx.IntegrationTests.Contracts.Product.Consent;

/// <summary>
/// Every state-changing function of the (permissionless) consent registry called by the subject, the controller,
/// another controller and a stranger. Each row prepares what the function needs (the subject's CustomerCare consent
/// given to the controller; a signed message of the subject) and then calls it as the caller: a caller can only act
/// on its own records, as the controller of a consent given to it, or by relaying the subject's signature.
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class ConsentAccessMatrixTests(ProductFixture fixture) : ConsentTest(fixture), IClassFixture<ProductFixture>
{
    private const string NotGiven = "ConsentNotGiven";
    private const string NotInForce = "ConsentNotInForce";

    private static readonly Party[] Callers = [Party.Subject, Party.Controller, Party.OtherController, Party.Stranger];

    public static TheoryData<string, Party, string> Matrix => Rows(Callers,
        // function            Subject     Controller  OtherController  Stranger
        ("give",               [Ok,         Ok,         Ok,              Ok]),
        ("giveBySig",          [Ok,         Ok,         Ok,              Ok]),
        ("withdraw",           [Ok,         Ok,         Ok,              Ok]),
        ("withdrawBySig",      [Ok,         Ok,         Ok,              Ok]),
        ("revoke",             [NotGiven,   Ok,         NotGiven,        NotGiven]),
        ("erase",              [Ok,         Ok,         Ok,              Ok]),
        ("eraseBySig",         [Ok,         Ok,         Ok,              Ok]),
        ("recordInteraction",  [NotInForce, Ok,         NotInForce,      NotInForce]));

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_function_admits_exactly_the_parties_in_the_table(string function, Party caller, string expected)
    {
        Func<Task> call = await ArrangeAsync(function, caller);

        await AssertOutcomeAsync(call, caller, expected);
    }

    /// <summary>Prepares what <paramref name="function"/> needs and returns the call as <paramref name="caller"/>.</summary>
    private async Task<Func<Task>> ArrangeAsync(string function, Party caller)
    {
        ConsentRegistryService registry = Consent(caller);
        ulong deadline = await NowAsync() + 600;
        switch (function)
        {
            case "give":
                // The caller gives its own consent, to the controller (or, being the controller, to the other one).
                return () => registry.GiveRequestAndWaitForReceiptAsync(caller == Party.Controller ? Party.OtherController.Address() : Controller, CustomerCare, Terms());
            case "giveBySig":
                byte[] grant = await SignGrantAsync(CustomerCare, Terms(), deadline);
                return () => registry.GiveBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, Terms(), deadline, grant);
            case "withdraw":
                return () => registry.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);
            case "withdrawBySig":
                await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
                byte[] withdrawal = await SignWithdrawalAsync(CustomerCare, deadline);
                return () => registry.WithdrawBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, deadline, withdrawal);
            case "revoke":
                await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
                return () => registry.RevokeRequestAndWaitForReceiptAsync(Subject, CustomerCare);
            case "erase":
                return () => registry.EraseRequestAndWaitForReceiptAsync();
            case "eraseBySig":
                byte[] erasure = await SignErasureAsync(deadline);
                return () => registry.EraseBySigRequestAndWaitForReceiptAsync(Subject, deadline, erasure);
            case "recordInteraction":
                await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
                return () => registry.RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.ServiceContact, CustomerCare, Id("ticket 1"));
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "Not a function of the registry.");
        }
    }
}
