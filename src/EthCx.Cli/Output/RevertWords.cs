using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Services;
using EthCx.Services.Consent;
using EthCx.Services.Traceability;

namespace EthCx.Cli.Output;

/// <summary>
/// A contract's revert in the user's terms: the custom error's name and its arguments, with role ids named
/// (<c>MERCHANT_ROLE</c>), purposes and consent statuses named, Unix times shown as dates, and the hashes of the
/// command's own inputs shown as what the user typed (<c>order 'ORD-1'</c>).
/// </summary>
internal static class RevertWords
{
    private static readonly Dictionary<Bytes32, string> Roles = BuildRoles();

    private static readonly string[] TimeFields = ["deadline", "expiresAt", "currentTime", "windowStart", "windowEnd", "lastReportEnd"];

    /// <summary>One line describing the revert.</summary>
    /// <param name="revert">The revert.</param>
    /// <param name="inputs">Hashes of the command's inputs, with how the user gave them.</param>
    /// <returns>The line.</returns>
    public static string Describe(ContractRevertException revert, IReadOnlyDictionary<Bytes32, string> inputs)
    {
        string what = revert.TransactionHash is { } hash ? $"The transaction {hash} reverted"
            : revert.Operation == "estimateGas" ? "The transaction was not sent: it would revert"
            : $"The {revert.Operation} reverted";
        DecodedError error = revert.Error;
        if (error.Kind != RevertKind.Custom)
        {
            return $"{what}: {error.Description}";
        }

        IEnumerable<string> arguments = error.Arguments.Select(argument => $"{argument.Name}={Value(error.Name!, argument, inputs)}");
        return $"{what}: {error.Name}({string.Join(", ", arguments)})";
    }

    /// <summary>A message with each input hash it mentions followed by how the user gave it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inputs">Hashes of the command's inputs, with how the user gave them.</param>
    /// <returns>The message in the user's terms.</returns>
    public static string Name(string message, IReadOnlyDictionary<Bytes32, string> inputs)
    {
        foreach ((Bytes32 hash, string input) in inputs)
        {
            message = message.Replace(hash.ToString(), $"{hash} ({input})", StringComparison.OrdinalIgnoreCase);
        }

        return message;
    }

    private static string Value(string error, DecodedArgument argument, IReadOnlyDictionary<Bytes32, string> inputs)
    {
        string raw = argument.ToString();
        raw = argument.Name.Length == 0 ? raw : raw[(argument.Name.Length + 1)..];
        object? value = argument.Value is byte[] { Length: Bytes32.Length } bytes ? Bytes32.FromBytes(bytes) : argument.Value;
        switch (value)
        {
            case Bytes32 hash when Roles.TryGetValue(hash, out string? role) && argument.Name.Contains("role", StringComparison.OrdinalIgnoreCase):
                return role;
            case Bytes32 hash when inputs.TryGetValue(hash, out string? input):
                return $"{raw} ({input})";
            case BigInteger number when argument.Name == "purpose" && Enum.IsDefined((ConsentPurpose)(ushort)number):
                return $"{raw} ({DomainNames.Kebab((ConsentPurpose)(ushort)number)})";
            case BigInteger number when argument.Name == "status" && error.StartsWith("Consent", StringComparison.Ordinal) && Enum.IsDefined((ConsentStatus)(byte)number):
                return $"{raw} ({DomainNames.Kebab((ConsentStatus)(byte)number)})";
            case BigInteger number when TimeFields.Contains(argument.Name) && number > 0 && number < 253402300800:
                return $"{raw} ({TextValues.Time(DateTimeOffset.FromUnixTimeSeconds((long)number))})";
            default:
                return raw;
        }
    }

    private static Dictionary<Bytes32, string> BuildRoles()
    {
        var roles = new Dictionary<Bytes32, string> { [Bytes32.Zero] = "DEFAULT_ADMIN_ROLE", [ContractRoles.Merchant] = "MERCHANT_ROLE" };
        foreach (SupplyChainRole role in Enum.GetValues<SupplyChainRole>())
        {
            roles[ContractRoles.IdOf(role)] = ContractRoles.NameOf(role);
        }

        return roles;
    }
}
