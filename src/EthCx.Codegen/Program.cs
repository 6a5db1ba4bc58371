using EthCx.Codegen.Generation;

namespace EthCx.Codegen;

/// <summary>
/// The code generator's command line, in two forms:
/// <c>EthCx.Codegen [--check] codegen.json</c> generates every set the manifest lists;
/// <c>EthCx.Codegen [--check] [--artifacts artifacts] --out DIR --namespace NS source.sol:Contract ...</c> generates one set.
/// Without <c>--check</c> the bindings are (re)written; with it nothing is written, and the exit code is 2 when the
/// files on disk differ from what the artifacts generate, each differing file named (the drift check).
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: EthCx.Codegen [--check] MANIFEST.json\n" +
        "       EthCx.Codegen [--check] [--artifacts DIR] --out DIR --namespace NS source.sol[:Contract] ...";

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
        var positional = new List<string>();
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
                    positional.Add(args[i]);
                    break;
            }
        }

        try
        {
            if (output is null && rootNamespace is null && positional.Count == 1 && positional[0].EndsWith(".json", StringComparison.Ordinal))
            {
                BindingManifest manifest = BindingManifest.Read(positional[0]);
                int worst = 0;
                foreach (BindingSet set in manifest.Sets)
                {
                    worst = Math.Max(worst, Run(manifest.Artifacts, set, check));
                }

                return worst;
            }

            if (output is null || rootNamespace is null || positional.Count == 0)
            {
                return Fail(Usage);
            }

            return Run(artifacts, new BindingSet(output, rootNamespace, positional), check);
        }
        catch (CodegenException error)
        {
            return Fail(error.Message);
        }
    }

    private static int Run(string artifacts, BindingSet set, bool check)
    {
        IReadOnlyList<GeneratedFile> files = BindingGenerator.Generate(artifacts, set.RootNamespace, set.Contracts);
        string output = Path.GetRelativePath(Environment.CurrentDirectory, set.Output);
        if (!check)
        {
            OutputFolder.Write(set.Output, files);
            Console.WriteLine($"{output}: {files.Count} files generated for {string.Join(", ", set.Contracts)}");
            return 0;
        }

        IReadOnlyList<string> problems = OutputFolder.Compare(set.Output, files);
        if (problems.Count == 0)
        {
            Console.WriteLine($"{output}: the {files.Count} generated files are up to date");
            return 0;
        }

        foreach (string problem in problems)
        {
            Console.Error.WriteLine($"drift: {problem}");
        }

        Console.Error.WriteLine($"{output}: the committed bindings differ from what the contracts generate: run scripts/generate and commit the result.");
        return 2;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
