using System.Security.Cryptography;

namespace EthCx.Chain.Crypto;

/// <summary>
/// Computes k·G on secp256k1 for a secret scalar k (a private key or an ECDSA nonce). Every
/// implementation hands the scalar to the platform's constant-time crypto library; EthCx never
/// multiplies a point by a secret itself.
/// </summary>
internal abstract class Secp256k1GeneratorMultiplier
{
    /// <summary>
    /// The portable path: imports k as a private key into .NET's <see cref="ECDsa"/> and reads the
    /// public point back. It works wherever .NET supports secp256k1 but costs the platform's key
    /// import (on OpenSSL: key validation and about three point multiplications).
    /// </summary>
    public static Secp256k1GeneratorMultiplier EcdsaImport { get; } = new EcdsaImportMultiplier();

    /// <summary>The multiplier <see cref="Secp256k1"/> uses: libcrypto directly when usable, otherwise <see cref="EcdsaImport"/>.</summary>
    public static Secp256k1GeneratorMultiplier Default { get; } = Select(OpenSslGeneratorMultiplier.DefaultLibraryNames);

    /// <summary>The OpenSSL multiplier over the first of <paramref name="libraryNames"/> that loads and qualifies, else <see cref="EcdsaImport"/>.</summary>
    /// <param name="libraryNames">libcrypto file names to try, in order.</param>
    public static Secp256k1GeneratorMultiplier Select(IReadOnlyList<string> libraryNames) =>
        OpenSslGeneratorMultiplier.TryCreate(libraryNames) ?? EcdsaImport;

    /// <summary>Computes scalar·G and writes X || Y (64 bytes, big-endian).</summary>
    /// <param name="scalar">A 32-byte big-endian scalar in [1, n - 1] (a secret).</param>
    /// <param name="destination">Receives the 64-byte point.</param>
    public abstract void Multiply(ReadOnlySpan<byte> scalar, Span<byte> destination);

    private sealed class EcdsaImportMultiplier : Secp256k1GeneratorMultiplier
    {
        /// <summary>The object identifier of secp256k1 (SEC 2, 1.3.132.0.10).</summary>
        private static readonly ECCurve Curve = ECCurve.CreateFromValue("1.3.132.0.10");

        public override void Multiply(ReadOnlySpan<byte> scalar, Span<byte> destination)
        {
            byte[] d = scalar.ToArray();
            try
            {
                using ECDsa key = ECDsa.Create(new ECParameters { Curve = Curve, D = d });
                ECPoint q = key.ExportParameters(includePrivateParameters: false).Q;
                q.X.CopyTo(destination);
                q.Y.CopyTo(destination[q.X!.Length..]);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(d);
            }
        }
    }
}
