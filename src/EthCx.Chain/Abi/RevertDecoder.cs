namespace EthCx.Chain.Abi;

/// <summary>
/// Decodes revert data into a <see cref="DecodedError"/>: <c>Error(string)</c> (0x08c379a0),
/// <c>Panic(uint256)</c> (0x4e487b71) with the meaning of its code, or a custom error of a
/// contract. Never throws for bad data: unknown selectors and malformed data give a
/// <see cref="RevertKind.Unknown"/> result that keeps the raw bytes.
/// </summary>
public static class RevertDecoder
{
    /// <summary>Decodes revert data, looking custom errors up in <paramref name="abi"/>.</summary>
    /// <param name="revertData">The data returned with the revert.</param>
    /// <param name="abi">The contract's ABI, for custom errors; may be null.</param>
    /// <returns>The decoded error.</returns>
    public static DecodedError Decode(ReadOnlySpan<byte> revertData, ContractAbi? abi = null) =>
        Decode(revertData, abi is null ? null : abi.FindError);

    /// <summary>Decodes revert data, looking custom errors up among <paramref name="errors"/>.</summary>
    /// <param name="revertData">The data returned with the revert.</param>
    /// <param name="errors">Custom errors that may have been raised.</param>
    /// <returns>The decoded error.</returns>
    public static DecodedError Decode(ReadOnlySpan<byte> revertData, IEnumerable<AbiError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var bySelector = new Dictionary<Selector, AbiError>();
        foreach (AbiError error in errors)
        {
            bySelector.TryAdd(error.Selector, error);
        }

        return Decode(revertData, selector => bySelector.GetValueOrDefault(selector));
    }

    private static DecodedError Decode(ReadOnlySpan<byte> revertData, Func<Selector, AbiError?>? findCustom)
    {
        byte[] raw = revertData.ToArray();
        if (raw.Length == 0)
        {
            return new DecodedError(RevertKind.Empty, null, [], raw);
        }

        if (!Selector.TryRead(raw, out Selector selector))
        {
            return new DecodedError(RevertKind.Unknown, null, [], raw, "revert data shorter than a selector");
        }

        (AbiError? error, RevertKind kind) = selector == AbiError.Error.Selector ? (AbiError.Error, RevertKind.Error)
            : selector == AbiError.Panic.Selector ? (AbiError.Panic, RevertKind.Panic)
            : (findCustom?.Invoke(selector), RevertKind.Custom);
        if (error is null)
        {
            return new DecodedError(RevertKind.Unknown, null, [], raw);
        }

        object?[] values;
        try
        {
            values = error.Decode(raw);
        }
        catch (AbiDecodingException e)
        {
            return new DecodedError(RevertKind.Unknown, null, [], raw, $"malformed {error.Signature} data: {e.Message}");
        }

        var arguments = new DecodedArgument[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            arguments[i] = new DecodedArgument(error.Inputs[i].Name, error.Inputs[i].Type, values[i]);
        }

        return new DecodedError(kind, error, arguments, raw);
    }
}
