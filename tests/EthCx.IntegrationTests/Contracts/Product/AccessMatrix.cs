using EthCx.Chain.Contracts;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>
/// An access matrix: for each state-changing function, the outcome of calling it as each party, written as a table
/// (one row per function, one column per caller) and expanded into [Theory] rows.
/// </summary>
internal static class AccessMatrix
{
    /// <summary>The outcome "the call succeeds".</summary>
    public const string Ok = "ok";

    /// <summary>The rows (function, caller, expected outcome) of a table whose columns are <paramref name="callers"/>.</summary>
    public static TheoryData<string, Party, string> Rows(Party[] callers, params (string Function, string[] Outcomes)[] table)
    {
        var rows = new TheoryData<string, Party, string>();
        foreach ((string function, string[] outcomes) in table)
        {
            if (outcomes.Length != callers.Length)
            {
                throw new ArgumentException($"The row of {function} has {outcomes.Length} outcomes for {callers.Length} callers.", nameof(table));
            }

            for (int i = 0; i < callers.Length; i++)
            {
                rows.Add(function, callers[i], outcomes[i]);
            }
        }

        return rows;
    }

    /// <summary>
    /// Runs the call and checks its outcome: success for <see cref="Ok"/>, otherwise a revert with the custom error
    /// of that name, thrown as its typed exception; an error that names an account (account, party, defaultAdmin)
    /// must name the caller.
    /// </summary>
    public static async Task AssertOutcomeAsync(Func<Task> call, Party caller, string expected)
    {
        if (expected == Ok)
        {
            await call();
            return;
        }

        ContractRevertException error = await Assert.ThrowsAnyAsync<ContractRevertException>(call);
        Assert.Equal(expected, error.Error.Name);
        Assert.Equal(expected + "Exception", error.GetType().Name);
        foreach (var argument in error.Error.Arguments.Where(a => a.Name is "account" or "party" or "defaultAdmin"))
        {
            Assert.Equal(caller.Address(), argument.Value);
        }
    }
}
