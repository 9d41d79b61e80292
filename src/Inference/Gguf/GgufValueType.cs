using System.Diagnostics.CodeAnalysis;

namespace ChatCouncil.Inference.Gguf;

/// <summary>The value types a GGUF metadata entry can hold (gguf.h <c>enum gguf_type</c>).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Members name the GGUF wire types, as gguf.h does.")]
public enum GgufValueType : uint
{
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Boolean = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12,
}
