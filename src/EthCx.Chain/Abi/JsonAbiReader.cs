using System.Text.Json;

namespace EthCx.Chain.Abi;

/// <summary>Reads the JSON ABI format from a <see cref="JsonElement"/>, naming the item and field in every error.</summary>
internal static class JsonAbiReader
{
    public static ContractAbi Read(JsonElement root)
    {
        JsonElement items = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("abi", out items))
            {
                throw new FormatException("Invalid JSON ABI: an object must have an 'abi' property (a Hardhat or Foundry artifact).");
            }
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Invalid JSON ABI: expected an array, found {items.ValueKind}.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        AbiConstructor? constructor = null;
        AbiFallback? fallback = null;
        bool hasReceive = false;
        int index = 0;
        foreach (JsonElement item in items.EnumerateArray())
        {
            string where = $"item {index}";
            try
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"expected an object, found {item.ValueKind}");
                }

                string type = OptionalString(item, "type") ?? "function";
                string? name = OptionalString(item, "name");
                if (name is not null)
                {
                    where += $" ({type} {name})";
                }

                switch (type)
                {
                    case "function":
                        functions.Add(new AbiFunction(RequiredName(name), Parameters(item, "inputs"), Parameters(item, "outputs"), Mutability(item)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(RequiredName(name), Parameters(item, "inputs"), OptionalBool(item, "anonymous")));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequiredName(name), Parameters(item, "inputs")));
                        break;
                    case "constructor":
                        constructor = new AbiConstructor(Parameters(item, "inputs"), Mutability(item));
                        break;
                    case "fallback":
                        fallback = new AbiFallback(Mutability(item));
                        break;
                    case "receive":
                        hasReceive = true;
                        break;
                    default:
                        throw new FormatException($"unknown item type '{type}'");
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new FormatException($"Invalid JSON ABI: {where}: {e.Message}", e);
            }

            index++;
        }

        return new ContractAbi(functions, events, errors, constructor, fallback, hasReceive);
    }

    private static string RequiredName(string? name) =>
        string.IsNullOrEmpty(name) ? throw new FormatException("missing 'name'") : name;

    private static List<AbiParameter> Parameters(JsonElement item, string property)
    {
        var parameters = new List<AbiParameter>();
        if (!item.TryGetProperty(property, out JsonElement array) || array.ValueKind == JsonValueKind.Null)
        {
            return parameters;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'{property}' must be an array");
        }

        int index = 0;
        foreach (JsonElement parameter in array.EnumerateArray())
        {
            try
            {
                parameters.Add(Parameter(parameter));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{property}[{index}]: {e.Message}", e);
            }

            index++;
        }

        return parameters;
    }

    private static AbiParameter Parameter(JsonElement parameter)
    {
        if (parameter.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object, found {parameter.ValueKind}");
        }

        string typeText = OptionalString(parameter, "type") ?? throw new FormatException("missing 'type'");
        AbiType type;
        if (typeText.StartsWith("tuple", StringComparison.Ordinal))
        {
            List<AbiParameter> components = Parameters(parameter, "components");
            if (components.Count == 0)
            {
                throw new FormatException($"type '{typeText}' needs a non-empty 'components' array");
            }

            type = AbiTypeParser.ParseArraySuffixes(new AbiTuple(components), typeText, "tuple".Length);
        }
        else
        {
            type = AbiType.Parse(typeText);
        }

        return new AbiParameter(
            OptionalString(parameter, "name") ?? string.Empty,
            type,
            OptionalString(parameter, "internalType"),
            OptionalBool(parameter, "indexed"));
    }

    private static StateMutability Mutability(JsonElement item)
    {
        string? text = OptionalString(item, "stateMutability");
        if (text is null)
        {
            // ABIs from before Solidity 0.4.16 have 'constant' and 'payable' instead.
            return OptionalBool(item, "constant") ? StateMutability.View
                : OptionalBool(item, "payable") ? StateMutability.Payable
                : StateMutability.NonPayable;
        }

        return text switch
        {
            "pure" => StateMutability.Pure,
            "view" => StateMutability.View,
            "nonpayable" => StateMutability.NonPayable,
            "payable" => StateMutability.Payable,
            _ => throw new FormatException($"unknown stateMutability '{text}'"),
        };
    }

    private static string? OptionalString(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"'{property}' must be a string");
    }

    private static bool OptionalBool(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"'{property}' must be true or false"),
        };
    }
}
