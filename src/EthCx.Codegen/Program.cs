using EthCx.Codegen.Artifacts;

namespace EthCx.Codegen;

/// <summary>The code generator's command line.</summary>
public static class Program
{
    /// <summary>Lists the contracts found in a Hardhat artifacts folder (default <c>artifacts/</c>).</summary>
    /// <param name="args">Optional: the artifacts folder.</param>
    /// <returns>0 on success, 1 when the artifacts cannot be read.</returns>
    public static int Main(string[] args)
    {
        string directory = args.Length > 0 ? args[0] : "artifacts";
        try
        {
            foreach (HardhatArtifact artifact in HardhatArtifact.ReadAll(directory))
            {
                Console.WriteLine($"{artifact.SourceName}:{artifact.ContractName} ({artifact.Bytecode.Length} bytes of creation code)");
            }

            return 0;
        }
        catch (Exception error) when (error is InvalidDataException or DirectoryNotFoundException or IOException)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }
}
