using System.Buffers.Binary;
using System.IO.Compression;

namespace Isms.Bot.Tests.Support;

/// <summary>Header fields of a PNG file (IHDR).</summary>
public sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
{
    /// <summary>Colour types 4 (grey + alpha) and 6 (RGBA) carry an alpha channel.</summary>
    public bool HasAlphaChannel => ColorType is 4 or 6;
}

/// <summary>A minimal PNG reader for checking the app icons: the header, and pixels of 8-bit RGBA images.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngHeader ReadHeader(byte[] png)
    {
        var ihdr = Chunks(png).First();
        if (ihdr.Type != "IHDR" || ihdr.Data.Length != 13)
        {
            throw new InvalidDataException("The first PNG chunk is not IHDR");
        }
        var d = ihdr.Data;
        return new PngHeader(
            BinaryPrimitives.ReadInt32BigEndian(d.AsSpan(0)),
            BinaryPrimitives.ReadInt32BigEndian(d.AsSpan(4)),
            d[8], d[9], d[12] != 0);
    }

    /// <summary>Pixels as RGBA bytes, row by row; only 8-bit RGBA non-interlaced images are supported.</summary>
    public static byte[] ReadRgba(byte[] png)
    {
        var header = ReadHeader(png);
        if (header is not { BitDepth: 8, ColorType: 6, Interlaced: false })
        {
            throw new NotSupportedException($"Only 8-bit non-interlaced RGBA is supported, not {header}");
        }
        using var compressed = new MemoryStream(Chunks(png).Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return Unfilter(raw.ToArray(), header.Width, header.Height, bytesPerPixel: 4);
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int raw = data[(y * (stride + 1)) + 1 + x];
                int a = x >= bytesPerPixel ? pixels[(y * stride) + x - bytesPerPixel] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= bytesPerPixel && y > 0 ? pixels[((y - 1) * stride) + x - bytesPerPixel] : 0;
                pixels[(y * stride) + x] = (byte)(raw + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}"),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static IEnumerable<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file");
        }
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            yield return (type, png.AsSpan(pos + 8, length).ToArray());
            pos += 12 + length; // length, type, data, CRC
        }
    }
}
