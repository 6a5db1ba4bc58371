using System.Text;

namespace EthCx.Codegen.NatSpec;

/// <summary>The NatSpec of one item: <c>@notice</c>, <c>@dev</c>, <c>@param</c> and <c>@return</c>.</summary>
/// <param name="Notice">The <c>@notice</c> text (for the user), or null.</param>
/// <param name="Details">The <c>@dev</c> text (for the developer), or null.</param>
/// <param name="Params">The <c>@param</c> texts by parameter name.</param>
/// <param name="Returns">The <c>@return</c> texts by output name (<c>_0</c>, <c>_1</c>, ... for unnamed outputs).</param>
internal sealed record NatSpecDoc(
    string? Notice,
    string? Details,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Returns)
{
    /// <summary>No documentation.</summary>
    public static NatSpecDoc Empty { get; } = new(null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The <c>@param</c> text for a parameter, or null.</summary>
    public string? Param(string name) => Params.GetValueOrDefault(name);

    /// <summary>The <c>@return</c> text for output <paramref name="index"/> (by name, or <c>_index</c>), or null.</summary>
    public string? Return(string name, int index) =>
        (name.Length > 0 ? Returns.GetValueOrDefault(name) : null)
        ?? Returns.GetValueOrDefault("_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Parses a raw NatSpec comment as the compiler keeps it in the AST (without the <c>///</c> markers):
    /// untagged leading text is the notice; <c>@title</c>, <c>@author</c> and <c>@custom:...</c> are ignored.
    /// </summary>
    /// <param name="text">The comment text, or null.</param>
    /// <returns>The documentation.</returns>
    public static NatSpecDoc ParseComment(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var notice = new StringBuilder();
        var details = new StringBuilder();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var returns = new Dictionary<string, string>(StringComparer.Ordinal);
        string tag = "notice";
        string? name = null;
        var current = new StringBuilder();

        void Flush()
        {
            string value = current.ToString().Trim();
            current.Clear();
            if (value.Length == 0 && tag is not ("param" or "return"))
            {
                return;
            }

            switch (tag)
            {
                case "notice":
                    Append(notice, value);
                    break;
                case "dev":
                    Append(details, value);
                    break;
                case "param" when name is not null:
                    parameters[name] = value;
                    break;
                case "return" when name is not null:
                    returns[name] = value;
                    break;
            }
        }

        foreach (string rawLine in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.StartsWith('@'))
            {
                Flush();
                int space = line.IndexOfAny([' ', '\t']);
                tag = space < 0 ? line[1..] : line[1..space];
                string rest = space < 0 ? string.Empty : line[(space + 1)..].TrimStart();
                name = null;
                if (tag is "param" or "return")
                {
                    int nameEnd = rest.IndexOfAny([' ', '\t']);
                    name = nameEnd < 0 ? rest : rest[..nameEnd];
                    rest = nameEnd < 0 ? string.Empty : rest[(nameEnd + 1)..].TrimStart();
                }

                current.Append(rest);
            }
            else
            {
                // A continuation line; an empty one separates paragraphs.
                current.Append('\n').Append(line);
            }
        }

        Flush();
        return new NatSpecDoc(Text(notice), Text(details), parameters, returns);
    }

    private static void Append(StringBuilder builder, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        builder.Append(value);
    }

    private static string? Text(StringBuilder builder) => builder.Length == 0 ? null : builder.ToString();
}
