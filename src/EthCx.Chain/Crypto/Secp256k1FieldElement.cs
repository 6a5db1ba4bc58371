using System.Buffers.Binary;

namespace EthCx.Chain.Crypto;

/// <summary>
/// An element of the secp256k1 base field, the integers mod p = 2^256 - 2^32 - 977, held as four
/// little-endian 64-bit limbs and always fully reduced (below p).
/// </summary>
/// <remarks>
/// Used only for public-key recovery and verification, whose inputs (hash, signature, public key)
/// are public; nothing here is constant-time, so it must never see a secret. Reduction uses
/// 2^256 ≡ C (mod p) with C = 2^32 + 977.
/// </remarks>
internal readonly struct Secp256k1FieldElement : IEquatable<Secp256k1FieldElement>
{
    /// <summary>2^256 - p.</summary>
    private const ulong C = 0x1000003D1;

    // p - 2 and (p + 1) / 4, little-endian limbs: the exponents for inversion (Fermat) and square roots (p ≡ 3 mod 4).
    private static readonly ulong[] InverseExponent = [0xFFFFFFFEFFFFFC2D, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue];
    private static readonly ulong[] SqrtExponent = [0xFFFFFFFFBFFFFF0C, ulong.MaxValue, ulong.MaxValue, 0x3FFFFFFFFFFFFFFF];

    private readonly ulong _l0;
    private readonly ulong _l1;
    private readonly ulong _l2;
    private readonly ulong _l3;

    private Secp256k1FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    /// <summary>Zero.</summary>
    public static Secp256k1FieldElement Zero => default;

    /// <summary>One.</summary>
    public static Secp256k1FieldElement One => new(1, 0, 0, 0);

    /// <summary>The curve constant b = 7 in y² = x³ + 7.</summary>
    public static Secp256k1FieldElement B => new(7, 0, 0, 0);

    /// <summary>Whether this is zero.</summary>
    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    /// <summary>Whether the canonical value is odd (the "y parity" of a point).</summary>
    public bool IsOdd => (_l0 & 1) != 0;

    /// <summary>Reads a 32-byte big-endian value; fails if it is not below p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bigEndian32, out Secp256k1FieldElement value)
    {
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]);

        // value >= p exactly when value + C overflows 2^256.
        ulong carry = 0;
        AddCarry(l0, C, ref carry);
        AddCarry(l1, 0, ref carry);
        AddCarry(l2, 0, ref carry);
        AddCarry(l3, 0, ref carry);
        value = carry == 0 ? new Secp256k1FieldElement(l0, l1, l2, l3) : default;
        return carry == 0;
    }

    /// <summary>Writes the value as 32 big-endian bytes.</summary>
    public void Write(Span<byte> bigEndian32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32, _l3);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[8..], _l2);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[16..], _l1);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[24..], _l0);
    }

    public static Secp256k1FieldElement operator +(Secp256k1FieldElement a, Secp256k1FieldElement b)
    {
        ulong carry = 0;
        ulong s0 = AddCarry(a._l0, b._l0, ref carry);
        ulong s1 = AddCarry(a._l1, b._l1, ref carry);
        ulong s2 = AddCarry(a._l2, b._l2, ref carry);
        ulong s3 = AddCarry(a._l3, b._l3, ref carry);
        return Normalize(s0, s1, s2, s3, carry);
    }

    public static Secp256k1FieldElement operator -(Secp256k1FieldElement a, Secp256k1FieldElement b)
    {
        ulong borrow = 0;
        ulong d0 = SubBorrow(a._l0, b._l0, ref borrow);
        ulong d1 = SubBorrow(a._l1, b._l1, ref borrow);
        ulong d2 = SubBorrow(a._l2, b._l2, ref borrow);
        ulong d3 = SubBorrow(a._l3, b._l3, ref borrow);
        if (borrow != 0)
        {
            // a - b + p = a - b - C (mod 2^256); the true result lies in (0, p).
            borrow = 0;
            d0 = SubBorrow(d0, C, ref borrow);
            d1 = SubBorrow(d1, 0, ref borrow);
            d2 = SubBorrow(d2, 0, ref borrow);
            d3 = SubBorrow(d3, 0, ref borrow);
        }

        return new Secp256k1FieldElement(d0, d1, d2, d3);
    }

    public static Secp256k1FieldElement operator -(Secp256k1FieldElement a) => Zero - a;

    public static Secp256k1FieldElement operator *(Secp256k1FieldElement a, Secp256k1FieldElement b)
    {
        // Schoolbook 4x4 limbs into an 8-limb product, one row per limb of a.
        ulong c = 0;
        ulong r0 = MulAdd(a._l0, b._l0, 0, ref c);
        ulong r1 = MulAdd(a._l0, b._l1, 0, ref c);
        ulong r2 = MulAdd(a._l0, b._l2, 0, ref c);
        ulong r3 = MulAdd(a._l0, b._l3, 0, ref c);
        ulong r4 = c;

        c = 0;
        r1 = MulAdd(a._l1, b._l0, r1, ref c);
        r2 = MulAdd(a._l1, b._l1, r2, ref c);
        r3 = MulAdd(a._l1, b._l2, r3, ref c);
        r4 = MulAdd(a._l1, b._l3, r4, ref c);
        ulong r5 = c;

        c = 0;
        r2 = MulAdd(a._l2, b._l0, r2, ref c);
        r3 = MulAdd(a._l2, b._l1, r3, ref c);
        r4 = MulAdd(a._l2, b._l2, r4, ref c);
        r5 = MulAdd(a._l2, b._l3, r5, ref c);
        ulong r6 = c;

        c = 0;
        r3 = MulAdd(a._l3, b._l0, r3, ref c);
        r4 = MulAdd(a._l3, b._l1, r4, ref c);
        r5 = MulAdd(a._l3, b._l2, r5, ref c);
        r6 = MulAdd(a._l3, b._l3, r6, ref c);
        ulong r7 = c;

        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    /// <summary>The square.</summary>
    public Secp256k1FieldElement Square() => this * this;

    /// <summary>Twice the value.</summary>
    public Secp256k1FieldElement Double() => this + this;

    /// <summary>The multiplicative inverse (a^(p-2)); zero maps to zero.</summary>
    public Secp256k1FieldElement Invert() => Pow(InverseExponent);

    /// <summary>Finds a square root if the value is a quadratic residue.</summary>
    /// <param name="root">A root (either one) on success.</param>
    /// <returns>Whether a root exists.</returns>
    public bool TrySqrt(out Secp256k1FieldElement root)
    {
        root = Pow(SqrtExponent);
        return root.Square() == this;
    }

    /// <inheritdoc/>
    public bool Equals(Secp256k1FieldElement other) =>
        _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Secp256k1FieldElement other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    public static bool operator ==(Secp256k1FieldElement left, Secp256k1FieldElement right) => left.Equals(right);

    public static bool operator !=(Secp256k1FieldElement left, Secp256k1FieldElement right) => !left.Equals(right);

    /// <summary>Raises to a 256-bit exponent with a fixed 4-bit window (public exponents only).</summary>
    private Secp256k1FieldElement Pow(ulong[] exponent)
    {
        Span<Secp256k1FieldElement> powers = stackalloc Secp256k1FieldElement[16];
        powers[0] = One;
        for (int i = 1; i < 16; i++)
        {
            powers[i] = powers[i - 1] * this;
        }

        Secp256k1FieldElement result = One;
        for (int nibble = 63; nibble >= 0; nibble--)
        {
            result = result.Square().Square().Square().Square();
            int digit = (int)((exponent[nibble / 16] >> (nibble % 16 * 4)) & 0xF);
            if (digit != 0)
            {
                result *= powers[digit];
            }
        }

        return result;
    }

    /// <summary>Reduces an 8-limb product mod p by folding the high half with 2^256 ≡ C.</summary>
    private static Secp256k1FieldElement Reduce(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        ulong c = 0;
        ulong s0 = MulAdd(r4, C, r0, ref c);
        ulong s1 = MulAdd(r5, C, r1, ref c);
        ulong s2 = MulAdd(r6, C, r2, ref c);
        ulong s3 = MulAdd(r7, C, r3, ref c);

        // The value is now s + c·2^256 with c < 2^34; fold c·C (< 2^67) in once more.
        ulong high = Math.BigMul(c, C, out ulong low);
        ulong carry = 0;
        s0 = AddCarry(s0, low, ref carry);
        s1 = AddCarry(s1, high, ref carry);
        s2 = AddCarry(s2, 0, ref carry);
        s3 = AddCarry(s3, 0, ref carry);
        if (carry != 0)
        {
            // s is now tiny (< 2^68), so adding C for the overflowing 2^256 cannot carry out.
            carry = 0;
            s0 = AddCarry(s0, C, ref carry);
            s1 = AddCarry(s1, 0, ref carry);
            s2 = AddCarry(s2, 0, ref carry);
            s3 = AddCarry(s3, 0, ref carry);
        }

        return Normalize(s0, s1, s2, s3, 0);
    }

    /// <summary>Maps a value below 2p, given as 256 bits plus an overflow bit, to its canonical form.</summary>
    private static Secp256k1FieldElement Normalize(ulong s0, ulong s1, ulong s2, ulong s3, ulong overflow)
    {
        // value - p = value + C - 2^256: needed when the value overflowed 2^256 or s + C does.
        ulong carry = 0;
        ulong t0 = AddCarry(s0, C, ref carry);
        ulong t1 = AddCarry(s1, 0, ref carry);
        ulong t2 = AddCarry(s2, 0, ref carry);
        ulong t3 = AddCarry(s3, 0, ref carry);
        return (carry | overflow) != 0
            ? new Secp256k1FieldElement(t0, t1, t2, t3)
            : new Secp256k1FieldElement(s0, s1, s2, s3);
    }

    /// <summary>Returns the low 64 bits of a·b + c + carry and leaves the high 64 bits in carry.</summary>
    private static ulong MulAdd(ulong a, ulong b, ulong c, ref ulong carry)
    {
        ulong high = Math.BigMul(a, b, out ulong low);
        low += c;
        high += low < c ? 1UL : 0UL;
        low += carry;
        high += low < carry ? 1UL : 0UL;
        carry = high;
        return low;
    }

    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong carryOut = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        carry = carryOut + (result < sum ? 1UL : 0UL);
        return result;
    }

    private static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b;
        ulong borrowOut = a < b ? 1UL : 0UL;
        ulong result = difference - borrow;
        borrow = borrowOut + (difference < borrow ? 1UL : 0UL);
        return result;
    }
}
