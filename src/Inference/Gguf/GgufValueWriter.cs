using System.Runtime.InteropServices;
using System.Text;

namespace ChatCouncil.Inference.Gguf;

/// <summary>Serializes metadata values for <see cref="GgufWriter"/>.</summary>
internal static class GgufValueWriter
{
    public static void Write(BinaryWriter writer, GgufValue value)
    {
        writer.Write((uint)value.Type);
        if (value.IsArray)
        {
            var elements = (Array)value.Value;
            writer.Write((uint)value.ElementType!.Value);
            writer.Write((ulong)elements.Length);
            WriteElements(writer, elements);
            return;
        }

        switch (value.Value)
        {
            case byte v: writer.Write(v); break;
            case sbyte v: writer.Write(v); break;
            case ushort v: writer.Write(v); break;
            case short v: writer.Write(v); break;
            case uint v: writer.Write(v); break;
            case int v: writer.Write(v); break;
            case ulong v: writer.Write(v); break;
            case long v: writer.Write(v); break;
            case float v: writer.Write(v); break;
            case double v: writer.Write(v); break;
            case bool v: writer.Write(v ? (byte)1 : (byte)0); break;
            case string v: WriteString(writer, v); break;
            default: throw new InvalidOperationException($"Cannot write a GGUF value of type {value.Type}.");
        }
    }

    public static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteElements(BinaryWriter writer, Array elements)
    {
        switch (elements)
        {
            case string[] strings:
                foreach (var s in strings)
                {
                    WriteString(writer, s);
                }

                break;
            case bool[] flags:
                foreach (var flag in flags)
                {
                    writer.Write(flag ? (byte)1 : (byte)0);
                }

                break;
            case byte[] v: writer.Write(v); break;
            case sbyte[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case ushort[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case short[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case uint[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case int[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case ulong[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case long[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case float[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            case double[] v: writer.Write(MemoryMarshal.AsBytes(v.AsSpan())); break;
            default: throw new InvalidOperationException($"Cannot write a GGUF array of {elements.GetType().Name}.");
        }
    }
}
