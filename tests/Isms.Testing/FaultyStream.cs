namespace Isms.Testing;

/// <summary>
/// A stream over a real one (memory or file) that fails the way a disk does, on demand: the next reads or writes throw
/// (an I/O error, "no space left on device"), or the next reads come back zeroed like a torn page. The seam LiteDB
/// itself offers (EngineSettings.DataStream / LogStream), so the real engine meets the fault.
/// </summary>
public sealed class FaultyStream(Stream inner) : Stream
{
    public const int Eio = 5, Enospc = 28;

    private int _failReads;
    private int _failWrites;
    private int _zeroReads;

    /// <summary>The error the armed reads and writes throw.</summary>
    public Func<Exception> Error { get; set; } = () => new IOException("Input/output error", Eio);

    public void FailNextReads(int count) => _failReads = count;

    public void FailNextWrites(int count) => _failWrites = count;

    /// <summary>Writes fail until <see cref="Heal"/>: a full disk.</summary>
    public void FailAllWrites() => _failWrites = int.MaxValue;

    public void ZeroNextReads(int count) => _zeroReads = count;

    public void Heal() => _failReads = _failWrites = _zeroReads = 0;

    public int Reads { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Reads++;
        if (_failReads > 0)
        {
            _failReads--;
            throw Error();
        }

        var read = inner.Read(buffer, offset, count);
        if (_zeroReads > 0 && read > 0)
        {
            _zeroReads--;
            Array.Clear(buffer, offset, read);
        }

        return read;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_failWrites > 0)
        {
            if (_failWrites != int.MaxValue)
            {
                _failWrites--;
            }

            throw Error();
        }

        inner.Write(buffer, offset, count);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        if (_failWrites > 0 && value > inner.Length)
        {
            throw Error();
        }

        inner.SetLength(value);
    }
}
