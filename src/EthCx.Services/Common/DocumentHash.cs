using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Services;

/// <summary>
/// The commitments the contracts store instead of documents: keccak256 of an off-chain document's bytes (a privacy
/// notice, a consent receipt, an order record). The document itself never goes on chain.
/// </summary>
public static class DocumentHash
{
    /// <summary>keccak256 of the document's bytes.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The commitment.</returns>
    public static Bytes32 Of(ReadOnlySpan<byte> document) => Bytes32.Keccak(document);

    /// <summary>keccak256 of the document's UTF-8 text.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The commitment.</returns>
    public static Bytes32 Of(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Bytes32.Keccak(Encoding.UTF8.GetBytes(document));
    }
}
