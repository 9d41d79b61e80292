using System.Runtime.InteropServices;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Ed25519 verification by the system's OpenSSL libcrypto (1.1.1 or 3.x), several times faster than the managed
/// BouncyCastle implementation, which stays the fallback where no libcrypto is found. .NET itself does not offer
/// Ed25519. Bound by hand to six functions, looked up once; thread-safe (a verification context per call, the key
/// read-only once made).
/// </summary>
internal static unsafe class OpenSslEd25519
{
    private const int EvpPKeyEd25519 = 1087; // NID_ED25519, the same in OpenSSL 1.1.1 and 3.x

    private static readonly string[] LibraryNames = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.3.dylib", "libcrypto.so"];
    private static readonly Functions? Native = Load();

    /// <returns>The key, or null when libcrypto is missing or refuses the 32 bytes.</returns>
    public static Key? CreatePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (Native is not { } native)
        {
            return null;
        }

        nint handle;
        fixed (byte* bytes = publicKey)
        {
            handle = native.NewRawPublicKey(EvpPKeyEd25519, 0, bytes, (nuint)publicKey.Length);
        }

        if (handle == 0)
        {
            native.ClearError();
            return null;
        }

        return new Key(handle, native);
    }

    private static Functions? Load()
    {
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, typeof(OpenSslEd25519).Assembly, null, out var library)
                && Functions.TryBind(library) is { } functions)
            {
                return functions;
            }
        }

        return null;
    }

    /// <summary>An OpenSSL EVP_PKEY holding an Ed25519 public key; freed with the handle.</summary>
    internal sealed class Key : SafeHandle
    {
        private readonly Functions _native;

        internal Key(nint handle, Functions native) : base(0, ownsHandle: true)
        {
            _native = native;
            SetHandle(handle);
        }

        public override bool IsInvalid => handle == 0;

        public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message)
        {
            var added = false;
            var context = _native.NewDigestContext();
            if (context == 0)
            {
                throw new InvalidOperationException("OpenSSL could not allocate an Ed25519 verification context (EVP_MD_CTX_new).");
            }

            try
            {
                DangerousAddRef(ref added);
                int result;
                fixed (byte* sig = signature)
                fixed (byte* tbs = message)
                {
                    result = _native.DigestVerifyInit(context, 0, 0, 0, handle) == 1
                        ? _native.DigestVerify(context, sig, (nuint)signature.Length, tbs, (nuint)message.Length)
                        : -1;
                }

                if (result != 1)
                {
                    // A refused signature leaves an entry in this thread's OpenSSL error queue, which .NET's own
                    // OpenSSL calls on the thread would otherwise find.
                    _native.ClearError();
                }

                return result == 1;
            }
            finally
            {
                _native.FreeDigestContext(context);
                if (added)
                {
                    DangerousRelease();
                }
            }
        }

        protected override bool ReleaseHandle()
        {
            _native.FreeKey(handle);
            return true;
        }
    }

    internal sealed class Functions
    {
        public required delegate* unmanaged<int, nint, byte*, nuint, nint> NewRawPublicKey { get; init; }
        public required delegate* unmanaged<nint, void> FreeKey { get; init; }
        public required delegate* unmanaged<nint> NewDigestContext { get; init; }
        public required delegate* unmanaged<nint, void> FreeDigestContext { get; init; }
        public required delegate* unmanaged<nint, nint, nint, nint, nint, int> DigestVerifyInit { get; init; }
        public required delegate* unmanaged<nint, byte*, nuint, byte*, nuint, int> DigestVerify { get; init; }
        public required delegate* unmanaged<void> ClearError { get; init; }

        public static Functions? TryBind(nint library)
        {
            nint Export(string name) => NativeLibrary.TryGetExport(library, name, out var address) ? address : 0;

            nint[] exports =
            [
                Export("EVP_PKEY_new_raw_public_key"), Export("EVP_PKEY_free"), Export("EVP_MD_CTX_new"),
                Export("EVP_MD_CTX_free"), Export("EVP_DigestVerifyInit"), Export("EVP_DigestVerify"), Export("ERR_clear_error"),
            ];
            if (exports.Contains(0))
            {
                return null;
            }

            return new Functions
            {
                NewRawPublicKey = (delegate* unmanaged<int, nint, byte*, nuint, nint>)exports[0],
                FreeKey = (delegate* unmanaged<nint, void>)exports[1],
                NewDigestContext = (delegate* unmanaged<nint>)exports[2],
                FreeDigestContext = (delegate* unmanaged<nint, void>)exports[3],
                DigestVerifyInit = (delegate* unmanaged<nint, nint, nint, nint, nint, int>)exports[4],
                DigestVerify = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, int>)exports[5],
                ClearError = (delegate* unmanaged<void>)exports[6],
            };
        }
    }
}
