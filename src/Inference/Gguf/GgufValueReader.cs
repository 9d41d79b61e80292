using System.Globalization;
using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Gguf;

/// <summary>Reads one metadata value (type tag then payload) for <see cref="GgufReader"/>.</summary>
internal static class GgufValueReader
{
    public static GgufValue Read(GgufStreamReader reader, string key)
    {
        var rawType = reader.ReadUInt32($"value type of '{key}'");
        if (rawType == (uint)GgufValueType.Array)
        {
            return ReadArray(reader, key);
        }

        var type = CheckType(reader, key, rawType);
        return ReadScalar(reader, key, type);
    }

    private static GgufValueType CheckType(GgufStreamReader reader, string key, uint rawType)
    {
        if (rawType > (uint)GgufValueType.Float64)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"metadata key '{key}' has unknown value type {rawType}"));
        }

        return (GgufValueType)rawType;
    }

    private static GgufValue ReadScalar(GgufStreamReader reader, string key, GgufValueType type)
    {
        var what = $"value of '{key}'";
        object value = type switch
        {
            GgufValueType.UInt8 => reader.ReadUInt8(what),
            GgufValueType.Int8 => (sbyte)reader.ReadUInt8(what),
            GgufValueType.UInt16 => reader.ReadUInt16(what),
            GgufValueType.Int16 => (short)reader.ReadUInt16(what),
            GgufValueType.UInt32 => reader.ReadUInt32(what),
            GgufValueType.Int32 => (int)reader.ReadUInt32(what),
            GgufValueType.UInt64 => reader.ReadUInt64(what),
            GgufValueType.Int64 => (long)reader.ReadUInt64(what),
            GgufValueType.Float32 => reader.ReadFloat32(what),
            GgufValueType.Float64 => reader.ReadFloat64(what),
            GgufValueType.Boolean => reader.ReadUInt8(what) != 0,
            GgufValueType.String => reader.ReadString(what, GgufLimits.MaxStringBytes),
            _ => throw new InvalidOperationException($"Unexpected scalar type {type}."),
        };
        return GgufValue.CreateScalar(type, value);
    }

    private static GgufValue ReadArray(GgufStreamReader reader, string key)
    {
        var rawElementType = reader.ReadUInt32($"array element type of '{key}'");
        if (rawElementType == (uint)GgufValueType.Array)
        {
            throw new GgufFormatException(reader.Path, GgufFormatError.Unsupported,
                $"GGUF file '{reader.Path}' cannot be read: metadata key '{key}' is an array of arrays, which llama.cpp does not support either.");
        }

        var elementType = CheckType(reader, key, rawElementType);
        var rawCount = reader.ReadUInt64($"array length of '{key}'");
        if (rawCount > GgufLimits.MaxArrayElements)
        {
            throw reader.Corrupt(string.Create(CultureInfo.InvariantCulture, $"metadata array '{key}' claims {rawCount} elements, above the sanity limit of {GgufLimits.MaxArrayElements}"));
        }

        var count = (int)rawCount;
        var what = $"elements of array '{key}'";
        reader.EnsureAvailable((long)count * MinElementBytes(elementType), what);
        Array values = elementType switch
        {
            GgufValueType.UInt8 => ReadPrimitives<byte>(reader, count, what),
            GgufValueType.Int8 => ReadPrimitives<sbyte>(reader, count, what),
            GgufValueType.UInt16 => ReadPrimitives<ushort>(reader, count, what),
            GgufValueType.Int16 => ReadPrimitives<short>(reader, count, what),
            GgufValueType.UInt32 => ReadPrimitives<uint>(reader, count, what),
            GgufValueType.Int32 => ReadPrimitives<int>(reader, count, what),
            GgufValueType.UInt64 => ReadPrimitives<ulong>(reader, count, what),
            GgufValueType.Int64 => ReadPrimitives<long>(reader, count, what),
            GgufValueType.Float32 => ReadPrimitives<float>(reader, count, what),
            GgufValueType.Float64 => ReadPrimitives<double>(reader, count, what),
            GgufValueType.Boolean => Array.ConvertAll(ReadPrimitives<byte>(reader, count, what), b => b != 0),
            GgufValueType.String => ReadStrings(reader, key, count),
            _ => throw new InvalidOperationException($"Unexpected element type {elementType}."),
        };
        return GgufValue.CreateArray(elementType, values);
    }

    private static T[] ReadPrimitives<T>(GgufStreamReader reader, int count, string what)
        where T : unmanaged
    {
        // The caller checked count * size against the bytes left, so this allocation is bounded by the file.
        var values = new T[count];
        reader.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()), what);
        return values;
    }

    private static string[] ReadStrings(GgufStreamReader reader, string key, int count)
    {
        // One description for all elements: formatting one per element would dominate the time spent
        // on a 262k-token vocabulary.
        var what = $"a string element of array '{key}'";
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadString(what, GgufLimits.MaxStringBytes);
        }

        return values;
    }

    private static int MinElementBytes(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Boolean => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        _ => 8, // 64-bit scalars, and a string's length prefix
    };
}
