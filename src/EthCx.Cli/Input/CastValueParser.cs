using System.Globalization;
using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Cli.Input;

/// <summary>
/// Reads an ABI value from command-line text with the syntax of Foundry's <c>cast</c> (alloy's
/// <c>DynSolType::coerce_str</c>), into the .NET values <see cref="AbiEncoder"/> takes:
/// <list type="bullet">
/// <item><c>bool</c>: <c>true</c> or <c>false</c>.</item>
/// <item><c>uintN</c>: a decimal, <c>0x</c>, <c>0o</c> or <c>0b</c> literal, an optional decimal fraction and
/// <c>e</c>-exponent, and an optional unit (<c>wei</c>, <c>gwei</c>/<c>nano</c>/<c>nanoether</c>, <c>ether</c>):
/// <c>1.5 ether</c>, <c>1e18</c>, <c>0xff</c>. <c>intN</c>: the same with an optional sign.</item>
/// <item><c>address</c>, <c>bytesM</c>, <c>function</c>, <c>bytes</c>: hex, <c>0x</c> optional (required when empty); exactly
/// the type's length. Letter case is not checked against EIP-55, as cast does not.</item>
/// <item><c>string</c>: the text, or the text between a pair of <c>"</c> or <c>'</c> (no escapes); unquoted text loses
/// trailing white space, and inside a list ends at <c>,</c> or the list's closing bracket.</item>
/// <item>arrays: <c>[a, b]</c> (a trailing comma is allowed); tuples: <c>(a, b)</c>.</item>
/// </list>
/// Unlike cast, a negative value out of range for a narrow <c>intN</c> is refused rather than encoded as int256.
/// </summary>
internal sealed class CastValueParser
{
    private const int MaxDepth = 64;
    private const int MaxPowerOfTen = 77;
    private static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    private readonly string _text;
    private int _position;
    private int _depth;

    private CastValueParser(string text) => _text = text;

    /// <summary>Reads the whole of <paramref name="text"/> as a value of <paramref name="type"/>.</summary>
    /// <param name="type">The ABI type.</param>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a value of the type; the message gives the position.</exception>
    public static object? Parse(AbiType type, string text)
    {
        var parser = new CastValueParser(text);
        object? value = parser.Value(type, listEnd: null);
        if (parser._position != text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._position..]}' after the value");
        }

        return value;
    }

    /// <summary>Reads an amount in wei: a <c>uint256</c> in cast's syntax (<c>1ether</c>, <c>10 gwei</c>, <c>1e15</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not an amount.</exception>
    public static BigInteger ParseAmount(string text) => (BigInteger)Parse(AbiUInt.UInt256, text)!;

    private char? Next => _position < _text.Length ? _text[_position] : null;

    private object? Value(AbiType type, char? listEnd) => type switch
    {
        AbiBool => Bool(),
        AbiUInt unsigned => UnsignedInteger(unsigned.Bits),
        AbiInt signed => SignedInteger(signed.Bits),
        AbiAddress => Address.FromBytes(FixedHex(Address.Length, "an address")),
        AbiFixedBytes fixedBytes => FixedHex(fixedBytes.Size, type.CanonicalName),
        AbiFunctionType => FixedHex(AbiFunctionType.Size, "a function (address and selector)"),
        AbiBytes => Bytes(),
        AbiString => Text(listEnd),
        AbiArray array => Nested(() => Array(array)),
        AbiTuple tuple => Nested(() => Tuple(tuple)),
        _ => throw new ArgumentException($"Unsupported ABI type {type}.", nameof(type)),
    };

    private bool Bool()
    {
        string word = Take(char.IsAsciiLetter);
        return word switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error("expected true or false"),
        };
    }

    private BigInteger SignedInteger(int bits)
    {
        bool negative = Next == '-';
        if (Next is '-' or '+')
        {
            _position++;
        }

        BigInteger magnitude = UnsignedInteger(bits);
        BigInteger limit = BigInteger.One << (bits - 1);
        if (negative ? magnitude > limit : magnitude >= limit)
        {
            throw Error($"number too large to fit in int{bits}");
        }

        return negative ? -magnitude : magnitude;
    }

    private BigInteger UnsignedInteger(int bits)
    {
        BigInteger integer = Literal();
        string? fraction = null;
        if (Next == '.')
        {
            _position++;
            fraction = Take(char.IsAsciiDigit);
            if (fraction.Length == 0)
            {
                throw Error("expected at least one digit after '.'");
            }
        }

        int exponent = Exponent();
        Take(IsSpace);
        int start = _position;
        int decimals = Take(char.IsAsciiLetter) switch
        {
            "ether" => 18,
            "gwei" or "nano" or "nanoether" => 9,
            "" or "wei" => 0,
            string unit => throw ErrorAt(start, $"unknown unit '{unit}' (wei, gwei, nano, nanoether or ether)"),
        };

        long scale = (long)decimals + exponent;
        if (scale < 0)
        {
            throw Error("negative units not allowed");
        }

        BigInteger value = integer;
        if (fraction is not null)
        {
            BigInteger fractionValue = BigInteger.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
            if (scale == 0 && !fractionValue.IsZero)
            {
                throw Error($"non-zero fraction .{fraction} not allowed");
            }

            if (fraction.Length > scale)
            {
                throw Error($"expected at most {scale} decimals, got {fraction.Length}");
            }

            value = Checked((value * PowerOfTen(fraction.Length, bits)) + fractionValue, bits);
            scale -= fraction.Length;
        }

        value = Checked(value * PowerOfTen(scale, bits), bits);
        return value < BigInteger.One << bits ? value : throw Error($"number too large to fit in uint{bits}");
    }

    /// <summary>10^<paramref name="exponent"/>, refused beyond uint256 as cast refuses it (even to scale zero).</summary>
    private BigInteger PowerOfTen(long exponent, int bits) =>
        exponent <= MaxPowerOfTen ? BigInteger.Pow(10, (int)exponent) : throw Error($"number too large to fit in uint{bits}");

    private BigInteger Checked(BigInteger value, int bits) =>
        value <= MaxUInt256 ? value : throw Error($"number too large to fit in uint{bits}");

    /// <summary>An integer literal: decimal digits, or <c>0x</c>/<c>0o</c>/<c>0b</c> (either case) and hex digits checked against the radix.</summary>
    private BigInteger Literal()
    {
        int start = _position;
        int radix = 10;
        if (_position + 1 < _text.Length && _text[_position] == '0')
        {
            radix = char.ToLowerInvariant(_text[_position + 1]) switch
            {
                'x' => 16,
                'o' => 8,
                'b' => 2,
                _ => 10,
            };
        }

        if (radix != 10)
        {
            _position += 2;
        }

        string digits = Take(radix == 10 ? char.IsAsciiDigit : char.IsAsciiHexDigit);
        if (digits.Length == 0)
        {
            throw Error("expected at least one digit");
        }

        BigInteger value = BigInteger.Zero;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = char.IsAsciiDigit(digits[i]) ? digits[i] - '0' : (digits[i] | 0x20) - 'a' + 10;
            if (digit >= radix)
            {
                throw ErrorAt(start, $"invalid digit '{digits[i]}' in a base-{radix} number");
            }

            value = (value * radix) + digit;
            if (value > MaxUInt256)
            {
                throw ErrorAt(start, "number too large to fit in uint256");
            }
        }

        return value;
    }

    /// <summary>An optional <c>e</c>/<c>E</c> exponent with an optional sign; without digits after it, nothing is consumed.</summary>
    private int Exponent()
    {
        if (Next is not ('e' or 'E'))
        {
            return 0;
        }

        int start = _position;
        _position++;
        bool negative = Next == '-';
        if (Next is '-' or '+')
        {
            _position++;
        }

        string digits = Take(char.IsAsciiDigit);
        if (digits.Length == 0)
        {
            _position = start;
            return 0;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int exponent) || exponent > 1000)
        {
            throw ErrorAt(start, "exponent too large");
        }

        return negative ? -exponent : exponent;
    }

    private byte[] FixedHex(int length, string what)
    {
        string digits = HexDigits();
        if (digits.Length % 2 != 0)
        {
            throw Error("odd number of hex digits");
        }

        if (digits.Length != length * 2)
        {
            throw Error($"{what} is {length} bytes, not {digits.Length / 2}");
        }

        return Convert.FromHexString(digits);
    }

    private byte[] Bytes()
    {
        string digits = HexDigits();
        return digits.Length % 2 == 0 ? Convert.FromHexString(digits) : throw Error("odd number of hex digits");
    }

    /// <summary>Hex digits after an optional lower-case <c>0x</c>; no digits needs the prefix.</summary>
    private string HexDigits()
    {
        bool prefixed = string.CompareOrdinal(_text, _position, "0x", 0, 2) == 0;
        if (prefixed)
        {
            _position += 2;
        }

        string digits = Take(char.IsAsciiHexDigit);
        if (!prefixed && digits.Length == 0)
        {
            throw Error("expected hex digits, or 0x for empty bytes");
        }

        return digits;
    }

    private string Text(char? listEnd)
    {
        if (Next is not char first)
        {
            return string.Empty;
        }

        if (first is '"' or '\'')
        {
            int start = _position;
            int close = _text.IndexOf(first, start + 1);
            if (close < 0)
            {
                throw ErrorAt(_text.Length, $"unterminated string, expected a closing {first}");
            }

            _position = close + 1;
            return _text[(start + 1)..close];
        }

        if (listEnd is char end)
        {
            string item = Take(c => c != ',' && c != end);
            return item.Length > 0 ? item.TrimEnd() : throw Error("expected a string");
        }

        string rest = _text[_position..];
        _position = _text.Length;
        return rest.TrimEnd();
    }

    private object?[] Array(AbiArray array)
    {
        Expect('[');
        Take(IsSpace);
        var items = new List<object?>();
        if (Next == ']')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                items.Add(Value(array.Element, ']'));
                if (Next != ',')
                {
                    break;
                }

                _position++;
                Take(IsSpace);
                if (Next == ']')
                {
                    break;
                }
            }

            Take(IsSpace);
            Expect(']');
        }

        if (array.Length is int length && items.Count != length)
        {
            throw Error($"fixed array length mismatch: expected {length} elements, got {items.Count}");
        }

        return [.. items];
    }

    private object?[] Tuple(AbiTuple tuple)
    {
        Take(IsSpace);
        Expect('(');
        object?[] values = new object?[tuple.Types.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                Take(IsSpace);
                Expect(',');
            }

            Take(IsSpace);
            values[i] = Value(tuple.Types[i], ')');
        }

        Take(IsSpace);
        Expect(')');
        return values;
    }

    private object?[] Nested(Func<object?[]> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }

        object?[] value = parse();
        _depth--;
        return value;
    }

    private void Expect(char c)
    {
        if (Next != c)
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private string Take(Func<char, bool> accept)
    {
        int start = _position;
        while (_position < _text.Length && accept(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private static bool IsSpace(char c) => c is ' ' or '\t';

    private FormatException Error(string problem) => ErrorAt(_position, problem);

    private static FormatException ErrorAt(int position, string problem) =>
        new($"{problem} (at character {position + 1})");
}
