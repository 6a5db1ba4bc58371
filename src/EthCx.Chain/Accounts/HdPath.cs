using System.Globalization;

namespace EthCx.Chain.Accounts;

/// <summary>Parses BIP-32 derivation paths such as <c>m/44'/60'/0'/0/5</c>.</summary>
internal static class HdPath
{
    /// <summary>Parses a path into child numbers (hardened ones have the top bit set).</summary>
    /// <param name="path"><c>m</c> followed by <c>/index</c> segments (absolute), or segments alone (relative).</param>
    /// <param name="isAbsolute">Whether the path started with <c>m</c>.</param>
    /// <returns>The child numbers, outermost first.</returns>
    /// <exception cref="FormatException">A segment is not an index below 2^31 with an optional <c>'</c>, <c>h</c> or <c>H</c>; the message names it.</exception>
    public static uint[] Parse(string path, out bool isAbsolute)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] segments = path.Split('/');
        isAbsolute = segments[0] == "m";
        int first = isAbsolute ? 1 : 0;
        var indices = new uint[segments.Length - first];
        for (int i = first; i < segments.Length; i++)
        {
            indices[i - first] = ParseSegment(path, segments[i], i);
        }

        return indices;
    }

    private static uint ParseSegment(string path, string segment, int position)
    {
        bool hardened = segment.Length > 0 && segment[^1] is '\'' or 'h' or 'H';
        ReadOnlySpan<char> digits = hardened ? segment.AsSpan(0, segment.Length - 1) : segment;
        if (digits.Length == 0
            || !digits.ContainsOnlyDigits()
            || !uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out uint index)
            || index >= HdKey.HardenedOffset)
        {
            throw new FormatException(
                $"HD path '{path}' has an invalid segment '{segment}' at position {position}: expected an index below 2^31, optionally followed by ' or h for hardened.");
        }

        return hardened ? index | HdKey.HardenedOffset : index;
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
