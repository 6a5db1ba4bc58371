using System.Text;

namespace EthCx.Codegen.Naming;

/// <summary>Turns Solidity names into C# identifiers: PascalCase for types and properties, camelCase for parameters, keywords escaped.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase: leading and trailing underscores dropped, each underscore-separated word capitalised
    /// (<c>name_</c> -> <c>Name</c>, <c>purchase_ref</c> -> <c>PurchaseRef</c>), and a constant's all-capitals
    /// spelling turned into words (<c>DEFAULT_ADMIN_ROLE</c> -> <c>DefaultAdminRole</c>).
    /// </summary>
    /// <param name="name">The Solidity name.</param>
    /// <returns>The identifier, or an empty string when the name has no letters or digits.</returns>
    public static string Pascal(string name)
    {
        string[] words = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        bool constant = words.Length > 1 && !name.Any(char.IsLower);
        var builder = new StringBuilder(name.Length);
        foreach (string word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(constant ? word[1..].ToLowerInvariant() : word[1..]);
        }

        return char.IsDigit(builder[0]) ? "N" + builder : builder.ToString();
    }

    /// <summary>camelCase, escaped with <c>@</c> when it is a C# keyword.</summary>
    /// <param name="name">The Solidity name.</param>
    /// <returns>The identifier, or an empty string when the name has no letters or digits.</returns>
    public static string Camel(string name)
    {
        string pascal = Pascal(name);
        if (pascal.Length == 0)
        {
            return pascal;
        }

        return Escape(char.ToLowerInvariant(pascal[0]) + pascal[1..]);
    }

    /// <summary>Prefixes <c>@</c> to a C# keyword.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The identifier, escaped when needed.</returns>
    public static string Escape(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>The identifier without a leading <c>@</c>.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The bare name.</returns>
    public static string Bare(string identifier) => identifier.StartsWith('@') ? identifier[1..] : identifier;

    /// <summary>
    /// Gives each name in order a unique spelling: a name already taken (or in <paramref name="reserved"/>) gets
    /// <paramref name="suffix"/>, then a number, appended.
    /// </summary>
    /// <param name="names">The wanted names, in order.</param>
    /// <param name="reserved">Names that are taken already.</param>
    /// <param name="suffix">What to append to a taken name first.</param>
    /// <returns>The unique names, in the same order.</returns>
    public static IReadOnlyList<string> Unique(IReadOnlyList<string> names, IEnumerable<string> reserved, string suffix)
    {
        var taken = new HashSet<string>(reserved.Select(Bare), StringComparer.Ordinal);
        var result = new List<string>(names.Count);
        foreach (string wanted in names)
        {
            string bare = Bare(wanted);
            string candidate = bare;
            if (taken.Contains(candidate))
            {
                candidate = bare + suffix;
                for (int i = 2; taken.Contains(candidate); i++)
                {
                    candidate = bare + suffix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            taken.Add(candidate);
            result.Add(candidate == bare ? wanted : Escape(candidate));
        }

        return result;
    }
}
