using System.Globalization;

namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// One typed GGUF metadata value: a scalar, a string, or a one-level array of scalars or strings
/// (llama.cpp rejects nested arrays, so neither the reader nor the writer supports them). Immutable.
/// </summary>
public sealed class GgufValue
{
    private readonly object _value;

    private GgufValue(GgufValueType type, GgufValueType? elementType, object value)
    {
        Type = type;
        ElementType = elementType;
        _value = value;
    }

    public GgufValueType Type { get; }

    /// <summary>The element type when <see cref="Type"/> is <see cref="GgufValueType.Array"/>, otherwise null.</summary>
    public GgufValueType? ElementType { get; }

    /// <summary>The boxed scalar, the string, or the element array (<c>T[]</c> of the CLR type matching the element type).</summary>
    public object Value => _value;

    public bool IsArray => Type == GgufValueType.Array;

    /// <summary>Number of elements of an array value; 0 for scalars.</summary>
    public int ArrayLength => _value is Array array ? array.Length : 0;

    public static GgufValue FromUInt8(byte value) => new(GgufValueType.UInt8, null, value);

    public static GgufValue FromInt8(sbyte value) => new(GgufValueType.Int8, null, value);

    public static GgufValue FromUInt16(ushort value) => new(GgufValueType.UInt16, null, value);

    public static GgufValue FromInt16(short value) => new(GgufValueType.Int16, null, value);

    public static GgufValue FromUInt32(uint value) => new(GgufValueType.UInt32, null, value);

    public static GgufValue FromInt32(int value) => new(GgufValueType.Int32, null, value);

    public static GgufValue FromUInt64(ulong value) => new(GgufValueType.UInt64, null, value);

    public static GgufValue FromInt64(long value) => new(GgufValueType.Int64, null, value);

    public static GgufValue FromFloat32(float value) => new(GgufValueType.Float32, null, value);

    public static GgufValue FromFloat64(double value) => new(GgufValueType.Float64, null, value);

    public static GgufValue FromBoolean(bool value) => new(GgufValueType.Boolean, null, value);

    public static GgufValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(GgufValueType.String, null, value);
    }

    public static GgufValue FromArray(byte[] values) => Array(GgufValueType.UInt8, values);

    public static GgufValue FromArray(sbyte[] values) => Array(GgufValueType.Int8, values);

    public static GgufValue FromArray(ushort[] values) => Array(GgufValueType.UInt16, values);

    public static GgufValue FromArray(short[] values) => Array(GgufValueType.Int16, values);

    public static GgufValue FromArray(uint[] values) => Array(GgufValueType.UInt32, values);

    public static GgufValue FromArray(int[] values) => Array(GgufValueType.Int32, values);

    public static GgufValue FromArray(ulong[] values) => Array(GgufValueType.UInt64, values);

    public static GgufValue FromArray(long[] values) => Array(GgufValueType.Int64, values);

    public static GgufValue FromArray(float[] values) => Array(GgufValueType.Float32, values);

    public static GgufValue FromArray(double[] values) => Array(GgufValueType.Float64, values);

    public static GgufValue FromArray(bool[] values) => Array(GgufValueType.Boolean, values);

    public static GgufValue FromArray(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (System.Array.Exists(values, v => v is null))
        {
            throw new ArgumentException("A GGUF string array cannot contain null.", nameof(values));
        }

        return Array(GgufValueType.String, values);
    }

    public string AsString() =>
        _value as string ?? throw WrongType("a string");

    public bool AsBoolean() =>
        _value is bool b ? b : throw WrongType("a boolean");

    /// <summary>Any integer scalar widened to <see cref="long"/> (GGUF writers disagree on u32/u64/i32 for the same key).</summary>
    public long AsInt64() => _value switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        long v => v,
        ulong v when v <= long.MaxValue => (long)v,
        _ => throw WrongType("an integer that fits in 64 bits"),
    };

    /// <summary>Any float or integer scalar as <see cref="double"/>.</summary>
    public double AsDouble() => _value switch
    {
        float v => v,
        double v => v,
        ulong v => v,
        _ when IsInteger(Type) => AsInt64(),
        _ => throw WrongType("a number"),
    };

    /// <summary>The elements of an array value whose CLR element type is <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> AsArray<T>() =>
        _value as T[] ?? throw WrongType($"an array of {typeof(T).Name}");

    public override string ToString() => _value switch
    {
        string s => s,
        Array a => string.Create(CultureInfo.InvariantCulture, $"[{ElementType}; {a.Length}]"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => _value.ToString() ?? string.Empty,
    };

    internal static bool IsInteger(GgufValueType type) => type is
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.UInt16 or GgufValueType.Int16 or
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.UInt64 or GgufValueType.Int64;

    internal static GgufValue CreateArray(GgufValueType elementType, Array values) => Array(elementType, values);

    internal static GgufValue CreateScalar(GgufValueType type, object value) => new(type, null, value);

    private static GgufValue Array(GgufValueType elementType, Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(GgufValueType.Array, elementType, values);
    }

    private InvalidOperationException WrongType(string wanted) =>
        new($"GGUF value of type {Describe()} is not {wanted}.");

    private string Describe() => IsArray ? $"array of {ElementType}" : Type.ToString();
}
