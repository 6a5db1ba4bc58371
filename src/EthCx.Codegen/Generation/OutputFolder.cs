using System.Text;

namespace EthCx.Codegen.Generation;

/// <summary>
/// The folder that holds the generated files: writing replaces every <c>*.g.cs</c> file in it (removing those no
/// longer generated), checking compares without writing (the drift check).
/// </summary>
public static class OutputFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files, deletes stale <c>*.g.cs</c> files and the folders left empty.</summary>
    /// <param name="directory">The output folder (created when missing).</param>
    /// <param name="files">The generated files.</param>
    public static void Write(string directory, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var wanted = new HashSet<string>(files.Select(f => Full(directory, f.RelativePath)), StringComparer.Ordinal);
        foreach (string stale in Existing(directory).Where(path => !wanted.Contains(path)))
        {
            File.Delete(stale);
        }

        foreach (GeneratedFile file in files)
        {
            string path = Full(directory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || File.ReadAllText(path, Utf8) != file.Content)
            {
                File.WriteAllText(path, file.Content, Utf8);
            }
        }

        foreach (string folder in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }

    /// <summary>Compares the folder with the generated files.</summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="files">The generated files.</param>
    /// <returns>One line per difference, naming the file relative to the current folder (empty when the folder is up to date).</returns>
    public static IReadOnlyList<string> Compare(string directory, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (GeneratedFile file in files)
        {
            string path = Full(directory, file.RelativePath);
            wanted.Add(path);
            if (!File.Exists(path))
            {
                problems.Add($"{Relative(path)}: missing (the contracts generate it)");
                continue;
            }

            string committed = File.ReadAllText(path, Utf8);
            if (committed != file.Content)
            {
                problems.Add($"{Relative(path)}: differs from the generated code from line {FirstDifferentLine(committed, file.Content)}");
            }
        }

        problems.AddRange(Existing(directory).Where(path => !wanted.Contains(path)).Select(path => $"{Relative(path)}: no longer generated"));
        return problems;
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    private static IEnumerable<string> Existing(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal)
            : [];

    private static string Full(string directory, string relativePath) =>
        Path.GetFullPath(Path.Combine([directory, .. relativePath.Split('/')]));

    private static int FirstDifferentLine(string a, string b)
    {
        string[] left = a.Split('\n');
        string[] right = b.Split('\n');
        int line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }

        return line + 1;
    }
}
