using System.Text;

namespace EthCx.Codegen.Emit;

/// <summary>Writes C# source with four-space indentation and <c>\n</c> line endings, whatever the platform.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _blankPending;

    /// <summary>Writes one line at the current indentation (an empty line when <paramref name="line"/> is empty).</summary>
    public CodeWriter Line(string line = "")
    {
        FlushBlank();
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Asks for one empty line before the next line, unless a block has just opened or closes next.</summary>
    public CodeWriter Blank()
    {
        _blankPending = _text.Length > 0 && !EndsWith("{\n");
        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public CodeWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Unindents and writes <paramref name="close"/> (by default <c>}</c>).</summary>
    public CodeWriter Close(string close = "}")
    {
        _blankPending = false;
        _indent--;
        return Line(close);
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _text.ToString();

    private void FlushBlank()
    {
        if (_blankPending)
        {
            _text.Append('\n');
            _blankPending = false;
        }
    }

    private bool EndsWith(string suffix) =>
        _text.Length >= suffix.Length && _text.ToString(_text.Length - suffix.Length, suffix.Length) == suffix;
}
