using System.Buffers.Binary;

namespace EthCx.Chain.Crypto;

/// <summary>
/// A secp256k1 point in Jacobian coordinates (x = X/Z², y = Y/Z³; Z = 0 is the point at
/// infinity), with the double-scalar multiplication u1·G + u2·Q that recovery and verification need.
/// </summary>
/// <remarks>
/// Public data only: the scalars come from a hash and a signature, the points from a signature or a
/// public key. Nothing here is constant-time, and points are never multiplied by a secret here;
/// secret scalars go to the platform's ECDsa (see <see cref="Secp256k1"/>).
/// </remarks>
internal readonly struct Secp256k1Point
{
    /// <summary>The wNAF window for G, whose odd multiples are precomputed once in affine form.</summary>
    private const int BaseWindow = 8;

    /// <summary>The wNAF window for the per-call point, whose odd multiples are computed per call.</summary>
    private const int PointWindow = 5;

    /// <summary>The longest width-w NAF of a 256-bit scalar.</summary>
    private const int MaxNafLength = 257;

    private static readonly Lazy<AffinePoint[]> BaseTable = new(() => OddMultiples(Generator, BaseWindow));

    private Secp256k1Point(Secp256k1FieldElement x, Secp256k1FieldElement y, Secp256k1FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The generator G.</summary>
    public static Secp256k1Point Generator { get; } = FromAffine(new AffinePoint(
        Field("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"),
        Field("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8")));

    /// <summary>The point at infinity (the group identity).</summary>
    public static Secp256k1Point Infinity => default;

    public Secp256k1FieldElement X { get; }

    public Secp256k1FieldElement Y { get; }

    public Secp256k1FieldElement Z { get; }

    /// <summary>Whether this is the point at infinity.</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>Lifts an affine point.</summary>
    public static Secp256k1Point FromAffine(AffinePoint point) => new(point.X, point.Y, Secp256k1FieldElement.One);

    /// <summary>Whether (x, y) satisfies y² = x³ + 7.</summary>
    public static bool IsOnCurve(AffinePoint point) =>
        point.Y.Square() == (point.X.Square() * point.X) + Secp256k1FieldElement.B;

    /// <summary>The point with the given x whose y has the given parity, if x is on the curve.</summary>
    public static bool TryDecompress(Secp256k1FieldElement x, bool oddY, out AffinePoint point)
    {
        if (!((x.Square() * x) + Secp256k1FieldElement.B).TrySqrt(out Secp256k1FieldElement y))
        {
            point = default;
            return false;
        }

        point = new AffinePoint(x, y.IsOdd == oddY ? y : -y);
        return true;
    }

    /// <summary>Computes u1·G + u2·Q with Shamir's trick over width-w NAFs (one shared doubling chain).</summary>
    /// <param name="u1">The scalar for G, 32 bytes big-endian.</param>
    /// <param name="u2">The scalar for <paramref name="q"/>, 32 bytes big-endian.</param>
    /// <param name="q">The second point.</param>
    public static Secp256k1Point MultiplyAdd(ReadOnlySpan<byte> u1, ReadOnlySpan<byte> u2, AffinePoint q)
    {
        Span<sbyte> naf1 = stackalloc sbyte[MaxNafLength];
        Span<sbyte> naf2 = stackalloc sbyte[MaxNafLength];
        int length1 = ComputeNaf(u1, BaseWindow, naf1);
        int length2 = ComputeNaf(u2, PointWindow, naf2);
        AffinePoint[] baseTable = BaseTable.Value;
        Span<Secp256k1Point> pointTable = stackalloc Secp256k1Point[1 << (PointWindow - 2)];
        FillOddMultiples(FromAffine(q), pointTable);

        Secp256k1Point result = Infinity;
        for (int i = Math.Max(length1, length2) - 1; i >= 0; i--)
        {
            result = result.Double();
            int digit1 = naf1[i];
            if (digit1 > 0)
            {
                result = result.Add(baseTable[digit1 >> 1]);
            }
            else if (digit1 < 0)
            {
                result = result.Add(baseTable[-digit1 >> 1].Negate());
            }

            int digit2 = naf2[i];
            if (digit2 > 0)
            {
                result = result.Add(pointTable[digit2 >> 1]);
            }
            else if (digit2 < 0)
            {
                result = result.Add(pointTable[-digit2 >> 1].Negate());
            }
        }

        return result;
    }

    /// <summary>Converts to affine coordinates; the point must not be at infinity.</summary>
    public AffinePoint ToAffine()
    {
        Secp256k1FieldElement zInverse = Z.Invert();
        Secp256k1FieldElement zInverse2 = zInverse.Square();
        return new AffinePoint(X * zInverse2, Y * zInverse2 * zInverse);
    }

    /// <summary>2·this (dbl-2009-l for a = 0).</summary>
    public Secp256k1Point Double()
    {
        if (IsInfinity)
        {
            return this;
        }

        Secp256k1FieldElement a = X.Square();
        Secp256k1FieldElement b = Y.Square();
        Secp256k1FieldElement c = b.Square();
        Secp256k1FieldElement d = ((X + b).Square() - a - c).Double();
        Secp256k1FieldElement e = a.Double() + a;
        Secp256k1FieldElement f = e.Square();
        Secp256k1FieldElement x3 = f - d.Double();
        Secp256k1FieldElement y3 = (e * (d - x3)) - c.Double().Double().Double();
        Secp256k1FieldElement z3 = (Y * Z).Double();
        return new Secp256k1Point(x3, y3, z3);
    }

    /// <summary>this + an affine point (madd-2007-bl).</summary>
    public Secp256k1Point Add(AffinePoint q)
    {
        if (IsInfinity)
        {
            return FromAffine(q);
        }

        Secp256k1FieldElement z1z1 = Z.Square();
        Secp256k1FieldElement u2 = q.X * z1z1;
        Secp256k1FieldElement s2 = q.Y * Z * z1z1;
        Secp256k1FieldElement h = u2 - X;
        Secp256k1FieldElement r = (s2 - Y).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        Secp256k1FieldElement hh = h.Square();
        Secp256k1FieldElement i = hh.Double().Double();
        Secp256k1FieldElement j = h * i;
        Secp256k1FieldElement v = X * i;
        Secp256k1FieldElement x3 = r.Square() - j - v.Double();
        Secp256k1FieldElement y3 = (r * (v - x3)) - (Y * j).Double();
        Secp256k1FieldElement z3 = (Z + h).Square() - z1z1 - hh;
        return new Secp256k1Point(x3, y3, z3);
    }

    /// <summary>this + another Jacobian point (add-2007-bl).</summary>
    public Secp256k1Point Add(Secp256k1Point q)
    {
        if (IsInfinity)
        {
            return q;
        }

        if (q.IsInfinity)
        {
            return this;
        }

        Secp256k1FieldElement z1z1 = Z.Square();
        Secp256k1FieldElement z2z2 = q.Z.Square();
        Secp256k1FieldElement u1 = X * z2z2;
        Secp256k1FieldElement u2 = q.X * z1z1;
        Secp256k1FieldElement s1 = Y * q.Z * z2z2;
        Secp256k1FieldElement s2 = q.Y * Z * z1z1;
        Secp256k1FieldElement h = u2 - u1;
        Secp256k1FieldElement r = (s2 - s1).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        Secp256k1FieldElement i = h.Double().Square();
        Secp256k1FieldElement j = h * i;
        Secp256k1FieldElement v = u1 * i;
        Secp256k1FieldElement x3 = r.Square() - j - v.Double();
        Secp256k1FieldElement y3 = (r * (v - x3)) - (s1 * j).Double();
        Secp256k1FieldElement z3 = ((Z + q.Z).Square() - z1z1 - z2z2) * h;
        return new Secp256k1Point(x3, y3, z3);
    }

    /// <summary>The additive inverse.</summary>
    public Secp256k1Point Negate() => new(X, -Y, Z);

    /// <summary>Writes the width-w NAF of a 256-bit big-endian scalar, least significant digit first.</summary>
    /// <returns>The number of digits.</returns>
    private static int ComputeNaf(ReadOnlySpan<byte> scalar, int window, Span<sbyte> naf)
    {
        // Five little-endian limbs: subtracting a negative digit can carry past 2^256.
        Span<ulong> k = stackalloc ulong[5];
        for (int limb = 0; limb < 4; limb++)
        {
            k[limb] = BinaryPrimitives.ReadUInt64BigEndian(scalar[(24 - (limb * 8))..]);
        }

        k[4] = 0;
        naf.Clear();
        int full = 1 << window;
        int half = full >> 1;
        int length = 0;
        while (k.ContainsAnyExcept(0UL))
        {
            if ((k[0] & 1) != 0)
            {
                int digit = (int)(k[0] & (ulong)(full - 1));
                if (digit >= half)
                {
                    digit -= full;
                }

                naf[length] = (sbyte)digit;
                AddSigned(k, -digit);
            }

            ShiftRightOne(k);
            length++;
        }

        return length;
    }

    private static void AddSigned(Span<ulong> k, int delta)
    {
        if (delta >= 0)
        {
            ulong carry = (ulong)delta;
            for (int i = 0; i < k.Length && carry != 0; i++)
            {
                k[i] += carry;
                carry = k[i] < carry ? 1UL : 0UL;
            }
        }
        else
        {
            ulong borrow = (ulong)-delta;
            for (int i = 0; i < k.Length && borrow != 0; i++)
            {
                ulong before = k[i];
                k[i] -= borrow;
                borrow = before < borrow ? 1UL : 0UL;
            }
        }
    }

    private static void ShiftRightOne(Span<ulong> k)
    {
        for (int i = 0; i < k.Length - 1; i++)
        {
            k[i] = (k[i] >> 1) | (k[i + 1] << 63);
        }

        k[^1] >>= 1;
    }

    /// <summary>P, 3P, 5P, ... into <paramref name="table"/> (Jacobian).</summary>
    private static void FillOddMultiples(Secp256k1Point point, Span<Secp256k1Point> table)
    {
        Secp256k1Point twice = point.Double();
        table[0] = point;
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1].Add(twice);
        }
    }

    /// <summary>P, 3P, 5P, ..., (2^(w-1) - 1)P in affine form.</summary>
    private static AffinePoint[] OddMultiples(Secp256k1Point point, int window)
    {
        var jacobian = new Secp256k1Point[1 << (window - 2)];
        FillOddMultiples(point, jacobian);
        return Array.ConvertAll(jacobian, p => p.ToAffine());
    }

    private static Secp256k1FieldElement Field(string hex)
    {
        Secp256k1FieldElement.TryRead(Convert.FromHexString(hex), out Secp256k1FieldElement value);
        return value;
    }
}

/// <summary>A finite secp256k1 point in affine coordinates.</summary>
/// <param name="X">The x-coordinate.</param>
/// <param name="Y">The y-coordinate.</param>
internal readonly record struct AffinePoint(Secp256k1FieldElement X, Secp256k1FieldElement Y)
{
    /// <summary>The additive inverse.</summary>
    public AffinePoint Negate() => new(X, -Y);

    /// <summary>Writes X || Y, 64 bytes big-endian.</summary>
    public void Write(Span<byte> destination64)
    {
        X.Write(destination64);
        Y.Write(destination64[32..]);
    }
}
