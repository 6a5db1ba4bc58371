using System.Globalization;

namespace EthCx.Chain.Abi;

/// <summary>A parsed human-readable signature: <c>[kind] name(inputs) [modifiers] [returns (outputs)]</c>.</summary>
internal sealed record ParsedSignature(string? Kind, string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, IReadOnlyList<string> Modifiers);

/// <summary>
/// Recursive-descent parser for ABI types and human-readable signatures. Errors are
/// <see cref="FormatException"/>s naming the whole text and the position of the problem.
/// </summary>
internal sealed class AbiTypeParser
{
    private static readonly string[] ParameterModifiers = ["indexed", "memory", "calldata", "storage", "payable"];
    private static readonly string[] SignatureKinds = ["function", "event", "error", "constructor", "fallback", "receive"];

    private readonly string _text;
    private readonly string _what;
    private int _pos;

    private AbiTypeParser(string text, string what)
    {
        _text = text;
        _what = what;
    }

    public static AbiType ParseType(string text)
    {
        var parser = new AbiTypeParser(text, "ABI type");
        AbiType type = parser.Type(0);
        parser.ExpectEnd();
        return type;
    }

    public static IReadOnlyList<AbiType> ParseTypeList(string text)
    {
        var parser = new AbiTypeParser(text, "ABI type list");
        parser.SkipSpace();
        var types = new List<AbiType>();
        if (parser._pos < text.Length)
        {
            do
            {
                types.Add(parser.Parameter(allowIndexed: false, depth: 0).Type);
            }
            while (parser.TryConsume(','));
        }

        parser.ExpectEnd();
        return types;
    }

    public static ParsedSignature ParseSignature(string text)
    {
        var parser = new AbiTypeParser(text, "signature");
        return parser.Signature();
    }

    private ParsedSignature Signature()
    {
        SkipSpace();
        int start = _pos;
        string first = Identifier("a name");
        string? kind = null;
        string name = first;
        if (Array.IndexOf(SignatureKinds, first) >= 0)
        {
            kind = first;
            SkipSpace();
            if (_pos < _text.Length && IsIdentifierStart(_text[_pos]))
            {
                name = Identifier("a name");
            }
        }
        else if (!IsIdentifierStart(first[0]))
        {
            throw Error($"'{first}' is not a valid name", start);
        }

        Expect('(');
        IReadOnlyList<AbiParameter> inputs = ParameterList(allowIndexed: true, depth: 0, allowEmpty: true);
        var modifiers = new List<string>();
        IReadOnlyList<AbiParameter> outputs = [];
        SkipSpace();
        while (_pos < _text.Length)
        {
            int at = _pos;
            string word = Identifier("a modifier or 'returns'");
            if (word == "returns")
            {
                Expect('(');
                outputs = ParameterList(allowIndexed: false, depth: 0, allowEmpty: true);
                ExpectEnd();
                break;
            }

            if (!IsIdentifierStart(word[0]))
            {
                throw Error($"unexpected '{word}'", at);
            }

            modifiers.Add(word);
            SkipSpace();
        }

        return new ParsedSignature(kind, name, inputs, outputs, modifiers);
    }

    /// <summary>Parses parameters up to and including the closing parenthesis; the opening one is already consumed.</summary>
    private List<AbiParameter> ParameterList(bool allowIndexed, int depth, bool allowEmpty)
    {
        var parameters = new List<AbiParameter>();
        if (TryConsume(')'))
        {
            if (!allowEmpty)
            {
                throw Error("a tuple needs at least one component", _pos - 1);
            }

            return parameters;
        }

        do
        {
            parameters.Add(Parameter(allowIndexed, depth));
        }
        while (TryConsume(','));

        Expect(')');
        return parameters;
    }

    private AbiParameter Parameter(bool allowIndexed, int depth)
    {
        AbiType type = Type(depth);
        bool indexed = false;
        string name = string.Empty;
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length || !IsIdentifierStart(_text[_pos]))
            {
                break;
            }

            int at = _pos;
            string word = Identifier("a name");
            if (name.Length == 0 && Array.IndexOf(ParameterModifiers, word) >= 0)
            {
                if (word == "indexed")
                {
                    if (!allowIndexed)
                    {
                        throw Error("'indexed' is only allowed on event parameters", at);
                    }

                    indexed = true;
                }

                continue;
            }

            if (name.Length > 0)
            {
                throw Error($"unexpected '{word}' after parameter name '{name}'", at);
            }

            name = word;
        }

        return new AbiParameter(name, type, Indexed: indexed);
    }

    private AbiType Type(int depth)
    {
        if (depth > AbiLimits.MaxDepth)
        {
            throw Error($"nesting deeper than {AbiLimits.MaxDepth}", _pos);
        }

        SkipSpace();
        int start = _pos;
        AbiType type;
        if (TryConsume('('))
        {
            type = Tuple(start, depth);
        }
        else
        {
            string word = Identifier("a type");
            if (word == "tuple")
            {
                Expect('(');
                type = Tuple(start, depth);
            }
            else
            {
                type = Elementary(word) ?? throw Error($"unknown type '{word}'", start);
            }
        }

        return Suffixes(type, depth);
    }

    /// <summary>Applies the array suffixes of a JSON ABI type such as <c>tuple[2][]</c> (from <paramref name="start"/>) to an element type.</summary>
    public static AbiType ParseArraySuffixes(AbiType element, string text, int start)
    {
        var parser = new AbiTypeParser(text, "ABI type") { _pos = start };
        AbiType type = parser.Suffixes(element, 0);
        parser.ExpectEnd();
        return type;
    }

    private AbiType Suffixes(AbiType type, int depth)
    {
        while (_pos < _text.Length && _text[_pos] == '[')
        {
            int open = _pos++;
            if (++depth > AbiLimits.MaxDepth)
            {
                throw Error($"nesting deeper than {AbiLimits.MaxDepth}", open);
            }

            int digitsStart = _pos;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            int? length = null;
            if (_pos > digitsStart)
            {
                ReadOnlySpan<char> digits = _text.AsSpan(digitsStart, _pos - digitsStart);
                if ((digits.Length > 1 && digits[0] == '0') || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1)
                {
                    throw Error($"invalid array length '{digits}'", digitsStart);
                }

                length = k;
            }

            if (_pos >= _text.Length || _text[_pos] != ']')
            {
                throw Error("expected ']'", _pos);
            }

            _pos++;
            if (length is int fixedLength && AbiLimits.StaticArraySize(type, fixedLength) > AbiLimits.MaxStaticSize)
            {
                throw Error(AbiLimits.TooLarge($"{type}[{fixedLength}]", AbiLimits.StaticArraySize(type, fixedLength)), open);
            }

            type = new AbiArray(type, length);
        }

        return type;
    }

    /// <summary>Parses tuple components after the opening parenthesis.</summary>
    private AbiTuple Tuple(int start, int depth)
    {
        List<AbiParameter> components = ParameterList(allowIndexed: false, depth + 1, allowEmpty: false);
        long size = AbiLimits.StaticTupleSize(components);
        if (size > AbiLimits.MaxStaticSize)
        {
            throw Error(AbiLimits.TooLarge("the tuple", size), start);
        }

        return new AbiTuple(components);
    }

    private static AbiType? Elementary(string word)
    {
        switch (word)
        {
            case "address": return AbiAddress.Instance;
            case "bool": return AbiBool.Instance;
            case "string": return AbiString.Instance;
            case "bytes": return AbiBytes.Instance;
            case "function": return AbiFunctionType.Instance;
            case "uint": return AbiUInt.UInt256;
            case "int": return AbiInt.Int256;
        }

        if (word.StartsWith("uint", StringComparison.Ordinal) && TrySize(word.AsSpan(4), out int bits) && bits % 8 == 0 && bits is >= 8 and <= 256)
        {
            return bits == 256 ? AbiUInt.UInt256 : new AbiUInt(bits);
        }

        if (word.StartsWith("int", StringComparison.Ordinal) && TrySize(word.AsSpan(3), out bits) && bits % 8 == 0 && bits is >= 8 and <= 256)
        {
            return bits == 256 ? AbiInt.Int256 : new AbiInt(bits);
        }

        if (word.StartsWith("bytes", StringComparison.Ordinal) && TrySize(word.AsSpan(5), out int size) && size is >= 1 and <= 32)
        {
            return size == 32 ? AbiFixedBytes.Bytes32 : new AbiFixedBytes(size);
        }

        return null;
    }

    private static bool TrySize(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        return digits.Length is > 0 and <= 3 && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private string Identifier(string expected)
    {
        SkipSpace();
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error(_pos < _text.Length ? $"expected {expected}, found '{_text[_pos]}'" : $"expected {expected}, found the end", start);
        }

        return _text[start.._pos];
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error(_pos < _text.Length ? $"expected '{c}', found '{_text[_pos]}'" : $"expected '{c}', found the end", _pos);
        }
    }

    private void ExpectEnd()
    {
        SkipSpace();
        if (_pos < _text.Length)
        {
            throw Error($"unexpected '{_text[_pos]}'", _pos);
        }
    }

    private FormatException Error(string reason, int position) =>
        new($"Invalid {_what} '{_text}': {reason} at position {position}.");
}
