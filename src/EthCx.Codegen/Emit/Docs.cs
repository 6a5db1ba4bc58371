using System.Text.RegularExpressions;

namespace EthCx.Codegen.Emit;

/// <summary>
/// XML documentation comments. NatSpec text goes through <see cref="FromNatSpec"/> first: it is XML-escaped,
/// <c>`code`</c> and <c>{Name}</c> references become <c>&lt;c&gt;</c> elements, and blank lines separate paragraphs.
/// The writing methods take XML.
/// </summary>
internal static partial class Docs
{
    /// <summary>Writes <c>&lt;summary&gt;</c>.</summary>
    public static void Summary(CodeWriter writer, string xml) => Element(writer, "summary", string.Empty, xml);

    /// <summary>Writes <c>&lt;remarks&gt;</c> with the given paragraphs, skipping null ones; nothing when all are null.</summary>
    public static void Remarks(CodeWriter writer, params string?[] xmlParagraphs)
    {
        var paragraphs = xmlParagraphs.Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (paragraphs.Count == 0)
        {
            return;
        }

        Element(writer, "remarks", string.Empty, paragraphs.Count == 1 ? paragraphs[0]! : string.Concat(paragraphs.Select(p => p!.StartsWith("<para>", StringComparison.Ordinal) ? p : $"<para>{p}</para>")));
    }

    /// <summary>Writes <c>&lt;param name="..."&gt;</c>.</summary>
    public static void Param(CodeWriter writer, string name, string xml) => Element(writer, "param", $" name=\"{name.TrimStart('@')}\"", xml);

    /// <summary>Writes <c>&lt;returns&gt;</c>.</summary>
    public static void Returns(CodeWriter writer, string xml) => Element(writer, "returns", string.Empty, xml);

    /// <summary>Writes <c>&lt;exception cref="..."&gt;</c>.</summary>
    public static void Exception(CodeWriter writer, string cref, string xml) => Element(writer, "exception", $" cref=\"{cref}\"", xml);

    /// <summary>
    /// NatSpec text as XML: escaped, code spans and <c>{references}</c> as <c>&lt;c&gt;</c>, lines of a paragraph
    /// joined by spaces, several paragraphs each in <c>&lt;para&gt;</c>.
    /// </summary>
    public static string FromNatSpec(string text)
    {
        var paragraphs = new List<string>();
        var lines = new List<string>();
        foreach (string line in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                lines.Add(trimmed);
            }
            else if (lines.Count > 0)
            {
                paragraphs.Add(Inline(string.Join(' ', lines)));
                lines.Clear();
            }
        }

        if (lines.Count > 0)
        {
            paragraphs.Add(Inline(string.Join(' ', lines)));
        }

        return paragraphs.Count == 1 ? paragraphs[0] : string.Concat(paragraphs.Select(p => $"<para>{p}</para>"));
    }

    /// <summary>Text as an XML code element, escaped.</summary>
    public static string Code(string text) => "<c>" + Escape(text) + "</c>";

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Inline(string text) => Reference().Replace(CodeSpan().Replace(Escape(text), "<c>$1</c>"), "<c>$1</c>");

    private static void Element(CodeWriter writer, string name, string attributes, string xml)
    {
        if (!xml.Contains("<para>", StringComparison.Ordinal))
        {
            writer.Line($"/// <{name}{attributes}>{xml}</{name}>");
            return;
        }

        writer.Line($"/// <{name}{attributes}>");
        foreach (string paragraph in xml.Split("<para>", StringSplitOptions.RemoveEmptyEntries))
        {
            writer.Line("/// <para>" + paragraph);
        }

        writer.Line($"/// </{name}>");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\{([A-Za-z_$][A-Za-z0-9_$.]*)\}")]
    private static partial Regex Reference();
}
