using System.Buffers;
using System.Text;

namespace Governance.Rules.Reporting;

/// <summary>
/// A write-only stream that decodes the UTF-8 it is given onto a <see cref="TextWriter"/>, a chunk at a time, so a JSON
/// report is written as it is made instead of as one buffer and then one string (for 12,000 findings, ~40 MB of large
/// arrays that only a full collection frees). Disposing it writes any bytes a chunk ended in the middle of; it neither
/// flushes nor closes the writer.
/// </summary>
internal sealed class Utf8TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private char[]? chars = ArrayPool<char>.Shared.Rent(16 * 1024);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => chars is not null;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(chars is null, this);
        do
        {
            decoder.Convert(buffer, chars, flush: false, out var bytesUsed, out var charsUsed, out _);
            writer.Write(chars, 0, charsUsed);
            buffer = buffer[bytesUsed..];
        }
        while (!buffer.IsEmpty);
    }

    /// <summary>Nothing to do: every byte decoded so far is on the writer already (flushing the writer is its owner's call).</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && chars is { } buffer)
        {
            decoder.Convert(ReadOnlySpan<byte>.Empty, buffer, flush: true, out _, out var charsUsed, out _);
            writer.Write(buffer, 0, charsUsed);
            ArrayPool<char>.Shared.Return(buffer);
            chars = null;
        }

        base.Dispose(disposing);
    }
}
