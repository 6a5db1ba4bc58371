using System.Globalization;
using System.Text;

namespace EthCx.Cli.Output;

/// <summary>Readable text output: <c>name  value</c> lines with the values aligned, optionally followed by tables.</summary>
internal sealed class TextBlock
{
    private readonly List<(string Name, string Value)> _lines = [];
    private readonly List<string> _sections = [];

    /// <summary>Adds a line; a null value is skipped.</summary>
    public TextBlock Add(string name, string? value)
    {
        if (value is not null)
        {
            _lines.Add((name, value));
        }

        return this;
    }

    /// <summary>Adds a line with a number.</summary>
    public TextBlock Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a section after the lines (e.g. a table), separated by a blank line.</summary>
    public TextBlock Section(string text)
    {
        _sections.Add(text);
        return this;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        int width = _lines.Count == 0 ? 0 : _lines.Max(line => line.Name.Length) + 2;
        var builder = new StringBuilder();
        foreach ((string name, string value) in _lines)
        {
            builder.Append(name.PadRight(width)).Append(value).Append('\n');
        }

        foreach (string section in _sections)
        {
            builder.Append(builder.Length > 0 ? "\n" : string.Empty).Append(section).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }
}

/// <summary>A table with a header row and columns padded to their widest cell.</summary>
internal static class TextTable
{
    /// <summary>Lays out the rows under the headers; the last column is not padded.</summary>
    public static string Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        List<IReadOnlyList<string>> all = [headers, .. rows];
        int[] widths = [.. Enumerable.Range(0, headers.Count).Select(column => all.Max(row => row[column].Length))];
        var builder = new StringBuilder();
        foreach (IReadOnlyList<string> row in all)
        {
            for (int column = 0; column < row.Count; column++)
            {
                bool last = column == row.Count - 1;
                builder.Append(last ? row[column] : row[column].PadRight(widths[column] + 2));
            }

            builder.Length = builder.ToString().TrimEnd(' ').Length;
            builder.Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }
}

/// <summary>Times and durations as ethcx prints them.</summary>
internal static class TextValues
{
    /// <summary>A time in UTC, ISO 8601 to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time, or the text for none.</summary>
    public static string Time(DateTimeOffset? time, string none) => time is { } value ? Time(value) : none;
}
