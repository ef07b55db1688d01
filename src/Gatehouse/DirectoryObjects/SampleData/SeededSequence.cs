using System.Buffers.Binary;

namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). Sample data must be
/// the same for the same seed on every machine and .NET version, which RandomNumberGenerator cannot be and
/// System.Random does not promise; nothing secret is ever drawn from it.
/// </summary>
internal sealed class SeededSequence
{
    private ulong state;

    /// <summary>An independent stream for one part of the data, so that changing one count leaves the other parts alone.</summary>
    public SeededSequence(long seed, Guid tenantId, int stream)
    {
        Span<byte> tenant = stackalloc byte[16];
        tenantId.TryWriteBytes(tenant);
        state = unchecked((ulong)seed ^ BinaryPrimitives.ReadUInt64LittleEndian(tenant) ^ (BinaryPrimitives.ReadUInt64LittleEndian(tenant[8..]) * 31) ^ ((ulong)stream << 56));
        Next();
    }

    public ulong Next()
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>0 ≤ n &lt; <paramref name="bound"/>; the modulo bias is far below anything sample data could show.</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    public int Between(int lowest, int highest) => lowest + Below(highest - lowest + 1);

    public bool Chance(int percent) => Below(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    public void Fill(Span<byte> bytes)
    {
        Span<byte> word = stackalloc byte[8];
        for (var offset = 0; offset < bytes.Length; offset += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(word, Next());
            word[..Math.Min(8, bytes.Length - offset)].CopyTo(bytes[offset..]);
        }
    }

    /// <summary>A version-4 shaped GUID (RFC 9562 §5.4) drawn from the sequence.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
