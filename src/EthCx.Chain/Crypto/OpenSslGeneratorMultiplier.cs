using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EthCx.Chain.Crypto;

/// <summary>
/// k·G with one call into OpenSSL's libcrypto (what .NET's own crypto uses on Linux), instead of
/// the key import behind <see cref="Secp256k1GeneratorMultiplier.EcdsaImport"/>, which validates
/// the key and costs about three point multiplications.
/// </summary>
/// <remarks>
/// <para>
/// Constant time: <c>EC_POINT_mul(group, r, k, NULL, NULL, ctx)</c> on secp256k1 (an
/// <c>EC_GFp_mont_method</c> group, which has no <c>mul</c> of its own) goes to
/// <c>ossl_ec_wNAF_mul</c> (<c>ec_wNAF_mul</c> in 1.1.1), whose first branch sends every
/// generator-only multiplication (scalar set, no other points) to
/// <c>ossl_ec_scalar_mul_ladder</c>: a Montgomery ladder with conditional swaps, the scalar padded
/// to a fixed bit length by adding the group cardinality, and blinded projective coordinates,
/// "where the scalar is always secret ... we ignore if BN_FLG_CONSTTIME is actually set and we
/// always call the ladder version" (crypto/ec/ec_mult.c, OpenSSL 1.1.1 to 3.x). It is the same code
/// that OpenSSL's own ECDSA key generation and signing run. We set BN_FLG_CONSTTIME anyway and wipe
/// the scalar with <c>BN_clear_free</c>.
/// </para>
/// <para>
/// The <see cref="LibraryImportAttribute"/> declarations name a logical library that a
/// <see cref="DllImportResolver"/> maps to the libcrypto this class loaded and checked. The
/// secp256k1 group is created once and shared: OpenSSL only reads an <c>EC_GROUP</c> during a
/// multiplication, so concurrent calls are safe; each call has its own <c>BN_CTX</c>. If a call
/// fails, it falls back to <see cref="Secp256k1GeneratorMultiplier.EcdsaImport"/>.
/// </para>
/// </remarks>
internal sealed partial class OpenSslGeneratorMultiplier : Secp256k1GeneratorMultiplier
{
    /// <summary>libcrypto file names to try on this platform, newest first.</summary>
    public static readonly IReadOnlyList<string> DefaultLibraryNames =
        OperatingSystem.IsWindows() ? ["libcrypto-3-x64.dll", "libcrypto-3.dll", "libcrypto-1_1-x64.dll"]
        : OperatingSystem.IsMacOS() ? ["libcrypto.3.dylib", "libcrypto.1.1.dylib", "libcrypto.dylib"]
        : ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];

    /// <summary>The name the imports use; <see cref="Resolve"/> maps it to the loaded libcrypto.</summary>
    private const string LibCrypto = "ethcx-libcrypto";

    /// <summary>OpenSSL's NID_secp256k1.</summary>
    private const int NidSecp256k1 = 714;

    /// <summary>OpenSSL's BN_FLG_CONSTTIME.</summary>
    private const int BnFlagConstantTime = 4;

    /// <summary>OpenSSL's POINT_CONVERSION_UNCOMPRESSED: 0x04 || X || Y.</summary>
    private const int PointConversionUncompressed = 4;

    /// <summary>OpenSSL 1.1.1, the first release whose generator multiplication is the constant-time ladder.</summary>
    private const ulong MinimumVersion = 0x10101000UL;

    private const int EncodedPointLength = 1 + Secp256k1.PublicKeyLength;

    /// <summary>Every function this class imports: a library lacking one is not used at all.</summary>
    private static readonly string[] RequiredExports =
    [
        "OpenSSL_version_num", "EC_GROUP_new_by_curve_name", "EC_GROUP_free", "EC_POINT_new", "EC_POINT_clear_free",
        "EC_POINT_mul", "EC_POINT_point2oct", "BN_CTX_secure_new", "BN_CTX_free", "BN_bin2bn", "BN_set_flags",
        "BN_clear_free", "ERR_clear_error",
    ];

    private static readonly Lock BindLock = new();
    private static nint _boundLibrary;

    private readonly GroupHandle _group;

    private OpenSslGeneratorMultiplier(GroupHandle group) => _group = group;

    /// <summary>
    /// Loads the first of <paramref name="libraryNames"/> that exists, checks that it is OpenSSL
    /// 1.1.1 or later with everything this class needs, and that it computes 1·G = G.
    /// </summary>
    /// <param name="libraryNames">libcrypto file names to try, in order.</param>
    /// <returns>The multiplier, or <see langword="null"/> when no usable libcrypto was found.</returns>
    public static OpenSslGeneratorMultiplier? TryCreate(IReadOnlyList<string> libraryNames)
    {
        nint library = libraryNames.Select(Load).FirstOrDefault(handle => handle != 0);
        if (library == 0 || !Array.TrueForAll(RequiredExports, name => NativeLibrary.TryGetExport(library, name, out _)) || !Bind(library))
        {
            return null;
        }

        if (OpenSSL_version_num().Value < MinimumVersion)
        {
            return null;
        }

        GroupHandle group = EC_GROUP_new_by_curve_name(NidSecp256k1);
        if (group.IsInvalid)
        {
            group.Dispose();
            ERR_clear_error();
            return null;
        }

        var multiplier = new OpenSslGeneratorMultiplier(group);
        Span<byte> one = stackalloc byte[Secp256k1.PrivateKeyLength];
        one[^1] = 1;
        Span<byte> generator = stackalloc byte[Secp256k1.PublicKeyLength];
        Span<byte> expected = stackalloc byte[Secp256k1.PublicKeyLength];
        Secp256k1Point.Generator.ToAffine().Write(expected);
        if (!multiplier.TryMultiply(one, generator) || !generator.SequenceEqual(expected))
        {
            group.Dispose();
            return null;
        }

        return multiplier;
    }

    /// <inheritdoc/>
    public override void Multiply(ReadOnlySpan<byte> scalar, Span<byte> destination)
    {
        if (!TryMultiply(scalar, destination))
        {
            EcdsaImport.Multiply(scalar, destination);
        }
    }

    /// <summary>Computes scalar·G in libcrypto; false (with OpenSSL's error queue cleared) if any call failed.</summary>
    internal bool TryMultiply(ReadOnlySpan<byte> scalar, Span<byte> destination)
    {
        nint context = 0;
        nint k = 0;
        nint point = 0;
        bool done = false;
        try
        {
            context = BN_CTX_secure_new();
            k = BN_bin2bn(scalar, scalar.Length, 0);
            if (context == 0 || k == 0)
            {
                return false;
            }

            BN_set_flags(k, BnFlagConstantTime);
            point = EC_POINT_new(_group);
            Span<byte> encoded = stackalloc byte[EncodedPointLength];
            done = point != 0
                && EC_POINT_mul(_group, point, k, 0, 0, context) == 1
                && EC_POINT_point2oct(_group, point, PointConversionUncompressed, encoded, (nuint)encoded.Length, context) == EncodedPointLength;
            if (done)
            {
                encoded[1..].CopyTo(destination);
            }

            return done;
        }
        finally
        {
            // All three accept NULL.
            EC_POINT_clear_free(point);
            BN_clear_free(k);
            BN_CTX_free(context);
            if (!done)
            {
                ERR_clear_error();
            }
        }
    }

    private static nint Load(string name) => NativeLibrary.TryLoad(name, out nint handle) ? handle : 0;

    /// <summary>Points the imports at <paramref name="library"/>; only one libcrypto is ever bound.</summary>
    private static bool Bind(nint library)
    {
        lock (BindLock)
        {
            if (_boundLibrary == 0)
            {
                try
                {
                    NativeLibrary.SetDllImportResolver(typeof(OpenSslGeneratorMultiplier).Assembly, Resolve);
                }
                catch (InvalidOperationException)
                {
                    // Another resolver is already registered for this assembly: do not replace it.
                    return false;
                }

                _boundLibrary = library;
            }

            return _boundLibrary == library;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibCrypto ? _boundLibrary : 0;

    [LibraryImport(LibCrypto)]
    private static partial CULong OpenSSL_version_num();

    [LibraryImport(LibCrypto)]
    private static partial GroupHandle EC_GROUP_new_by_curve_name(int nid);

    [LibraryImport(LibCrypto)]
    private static partial void EC_GROUP_free(nint group);

    [LibraryImport(LibCrypto)]
    private static partial nint EC_POINT_new(GroupHandle group);

    [LibraryImport(LibCrypto)]
    private static partial void EC_POINT_clear_free(nint point);

    [LibraryImport(LibCrypto)]
    private static partial int EC_POINT_mul(GroupHandle group, nint result, nint generatorScalar, nint point, nint pointScalar, nint context);

    [LibraryImport(LibCrypto)]
    private static partial nuint EC_POINT_point2oct(GroupHandle group, nint point, int form, Span<byte> buffer, nuint length, nint context);

    [LibraryImport(LibCrypto)]
    private static partial nint BN_CTX_secure_new();

    [LibraryImport(LibCrypto)]
    private static partial void BN_CTX_free(nint context);

    [LibraryImport(LibCrypto)]
    private static partial nint BN_bin2bn(ReadOnlySpan<byte> bigEndian, int length, nint result);

    [LibraryImport(LibCrypto)]
    private static partial void BN_set_flags(nint number, int flags);

    [LibraryImport(LibCrypto)]
    private static partial void BN_clear_free(nint number);

    [LibraryImport(LibCrypto)]
    private static partial void ERR_clear_error();

    /// <summary>An owned <c>EC_GROUP*</c>, freed with <c>EC_GROUP_free</c>.</summary>
    private sealed class GroupHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        /// <summary>Called by the interop marshaller for returned handles.</summary>
        public GroupHandle()
            : base(ownsHandle: true)
        {
        }

        protected override bool ReleaseHandle()
        {
            EC_GROUP_free(handle);
            return true;
        }
    }
}
