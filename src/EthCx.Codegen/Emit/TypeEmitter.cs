using System.Globalization;
using EthCx.Codegen.Model;
using EthCx.Codegen.Naming;

namespace EthCx.Codegen.Emit;

/// <summary>Writes struct records and enums.</summary>
internal static class TypeEmitter
{
    /// <summary>Writes a file of structs and enums.</summary>
    public static string File(string origin, string @namespace, IReadOnlyList<TypeBinding> types, IEnumerable<string> extraUsings)
    {
        CodeWriter writer = SourceFile.Start(origin, @namespace, extraUsings);
        foreach (TypeBinding type in types)
        {
            writer.Blank();
            if (type.IsEnum)
            {
                Enum(writer, type);
            }
            else
            {
                Struct(writer, type);
            }
        }

        return writer.ToString();
    }

    private static void Enum(CodeWriter writer, TypeBinding type)
    {
        Docs.Summary(writer, type.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"The Solidity enum {Docs.Code(type.Key)}.");
        Docs.Remarks(writer, type.Doc.Details is string details ? Docs.FromNatSpec(details) : null, $"Solidity: {Docs.Code("enum " + type.Key)}, a <c>uint8</c> in the ABI.");
        writer.Line($"public enum {type.CSharpName} : byte");
        writer.Open();
        IReadOnlyList<string> names = Identifiers.Unique(type.EnumMembers.Select(m => Identifiers.Pascal(m) is { Length: > 0 } p ? p : "Value").ToList(), [], "Value");
        for (int i = 0; i < names.Count; i++)
        {
            writer.Blank();
            string number = i.ToString(CultureInfo.InvariantCulture);
            Docs.Summary(writer, $"{Docs.Code(type.EnumMembers[i])} ({number}).");
            writer.Line($"{names[i]} = {number},");
        }

        writer.Close();
    }

    private static void Struct(CodeWriter writer, TypeBinding type)
    {
        Docs.Summary(writer, type.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"The Solidity struct {Docs.Code(type.Key)}.");
        string solidity = "struct " + type.Key + " { " + string.Concat(type.Fields.Select(f => ParameterDocs.SolidityType(f.Abi) + " " + f.Abi.Name + "; ")) + "}";
        Docs.Remarks(writer, type.Doc.Details is string details ? Docs.FromNatSpec(details) : null, $"Solidity: {Docs.Code(solidity)}.");
        foreach (ParameterBinding field in type.Fields)
        {
            Docs.Param(writer, field.Property, ParameterDocs.Describe(field, "field"));
        }

        writer.Line($"public sealed partial record {type.CSharpName}({string.Join(", ", type.Fields.Select(f => $"{f.Type.Name} {f.Property}"))})");
        writer.Open();
        Docs.Summary(writer, "The fields in order, as the ABI encoder takes a tuple.");
        Docs.Returns(writer, "One value per field.");
        writer.Line($"public object?[] ToAbiValues() => [{string.Join(", ", type.Fields.Select(f => f.Type.ToAbi(f.Property)))}];");
        writer.Blank();
        Docs.Summary(writer, "Reads the ABI decoder's value of the tuple.");
        Docs.Param(writer, "values", "One value per field, in order.");
        Docs.Returns(writer, "The struct.");
        writer.Line($"public static {type.CSharpName} FromAbiValues(IReadOnlyList<object?> values)");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(values);");
        WriteNew(writer, type.Fields, "values");
        writer.Close();
        writer.Close();
    }

    /// <summary>Writes <c>return new(conversion of values[0], ...);</c>.</summary>
    public static void WriteNew(CodeWriter writer, IReadOnlyList<ParameterBinding> fields, string values)
    {
        if (fields.Count == 0)
        {
            writer.Line("return new();");
            return;
        }

        writer.Line("return new(");
        for (int i = 0; i < fields.Count; i++)
        {
            string value = $"{values}[{i.ToString(CultureInfo.InvariantCulture)}]";
            writer.Line("    " + fields[i].Type.FromAbi(value) + (i == fields.Count - 1 ? ");" : ","));
        }
    }
}
