using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;

namespace EthCx.Contracts.Bindings;

/// <summary>
/// How generated services surface a contract's custom errors: a <see cref="ContractRevertException"/> whose decoded
/// error is one of the contract's custom errors is rethrown as that error's generated exception type.
/// </summary>
public static class TypedReverts
{
    /// <summary>Awaits <paramref name="task"/>, rethrowing a revert as the typed exception <paramref name="toTyped"/> gives.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The call, estimate or transaction.</param>
    /// <param name="toTyped">The contract's conversion (a generated <c>XxxErrors.ToTyped</c>): the typed exception, or the revert itself.</param>
    /// <returns>The task's result.</returns>
    /// <exception cref="ContractRevertException">The task failed with a revert (typed when the error is a known custom error).</exception>
    public static async Task<T> Translate<T>(Task<T> task, Func<ContractRevertException, ContractRevertException> toTyped)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(toTyped);
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (ContractRevertException revert)
        {
            ContractRevertException typed = toTyped(revert);
            if (ReferenceEquals(typed, revert))
            {
                throw;
            }

            throw typed;
        }
    }

    /// <summary>
    /// The decoded arguments of a revert's custom error, for a typed exception's constructor.
    /// </summary>
    /// <param name="revert">The revert.</param>
    /// <param name="error">The custom error the typed exception stands for.</param>
    /// <returns>One value per field of the error.</returns>
    /// <exception cref="ArgumentException">The revert's decoded error is not <paramref name="error"/>.</exception>
    public static IReadOnlyList<object?> Arguments(ContractRevertException revert, AbiError error)
    {
        ArgumentNullException.ThrowIfNull(revert);
        ArgumentNullException.ThrowIfNull(error);
        if (revert.Error.Kind != RevertKind.Custom || revert.Error.Selector != error.Selector || revert.Error.Arguments.Count != error.Inputs.Count)
        {
            throw new ArgumentException($"The revert is {revert.Error.Description}, not the custom error {error.Signature}.", nameof(revert));
        }

        var values = new object?[error.Inputs.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = revert.Error.Arguments[i].Value;
        }

        return values;
    }
}
