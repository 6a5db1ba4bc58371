using EthCx.Codegen.Generation;

namespace EthCx.Codegen;

/// <summary>
/// The code generator's command line:
/// <c>EthCx.Codegen [--artifacts artifacts] --out DIR --namespace NS [--check] source.sol:Contract ...</c>.
/// Without <c>--check</c> it (re)writes the bindings into DIR; with it, it writes nothing and exits 2 when the
/// files in DIR differ from what the artifacts generate, naming each file (the drift check).
/// </summary>
public static class Program
{
    private const string Usage = "usage: EthCx.Codegen [--artifacts DIR] --out DIR --namespace NS [--check] source.sol[:Contract] ...";

    /// <summary>Runs the generator.</summary>
    /// <param name="args">The arguments; see the class summary.</param>
    /// <returns>0 on success, 1 on an error (bad arguments, unreadable artifacts, unmappable ABI), 2 when the check finds drift.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string artifacts = "artifacts";
        string? output = null;
        string? rootNamespace = null;
        bool check = false;
        var contracts = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--artifacts" when i + 1 < args.Length:
                    artifacts = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--namespace" when i + 1 < args.Length:
                    rootNamespace = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                case string option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail($"unknown or incomplete option '{option}'\n{Usage}");
                default:
                    contracts.Add(args[i]);
                    break;
            }
        }

        if (output is null || rootNamespace is null || contracts.Count == 0)
        {
            return Fail(Usage);
        }

        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = BindingGenerator.Generate(artifacts, rootNamespace, contracts);
        }
        catch (CodegenException error)
        {
            return Fail(error.Message);
        }

        if (!check)
        {
            OutputFolder.Write(output, files);
            Console.WriteLine($"{files.Count} files generated into {output} for {string.Join(", ", contracts)}");
            return 0;
        }

        IReadOnlyList<string> problems = OutputFolder.Compare(output, files);
        if (problems.Count == 0)
        {
            Console.WriteLine($"{output}: the {files.Count} generated files are up to date");
            return 0;
        }

        foreach (string problem in problems)
        {
            Console.Error.WriteLine($"drift: {problem}");
        }

        Console.Error.WriteLine("The committed bindings differ from what the contracts generate: run scripts/generate and commit the result.");
        return 2;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
