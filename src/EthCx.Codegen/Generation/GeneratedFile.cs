namespace EthCx.Codegen.Generation;

/// <summary>One generated source file.</summary>
/// <param name="RelativePath">The path below the output folder, with <c>/</c> separators, e.g. <c>LoyaltyPoints/LoyaltyPointsService.g.cs</c>.</param>
/// <param name="Content">The text (UTF-8, <c>\n</c> line endings).</param>
public sealed record GeneratedFile(string RelativePath, string Content);
