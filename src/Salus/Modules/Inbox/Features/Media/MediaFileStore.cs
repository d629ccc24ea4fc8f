using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Hosting;

namespace Salus.Modules.Inbox.Features.Media;

/// <summary>
/// The library's bytes, outside the database, named by their SHA-256 (<c>ab/cd/abcd…</c>) so equal files are stored once.
/// An upload is streamed to a temporary file in the same folder tree, flushed to disk, then renamed into place: a crash
/// leaves at most a stray temporary file (removed later), never a half file under a name a database row points to.
/// </summary>
public sealed class MediaFileStore
{
    private const int BufferBytes = 81_920;
    private static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromHours(6);

    private readonly string _root;
    private readonly string _temporary;
    private int _swept;

    public MediaFileStore(IOptions<MediaLibraryOptions> options, SalusPaths paths)
    {
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.StoragePath) ? Path.Combine(paths.DataFolder, "media") : options.Value.StoragePath);
        _temporary = Path.Combine(_root, "tmp");
    }

    public string Root => _root;

    /// <summary>
    /// Streams <paramref name="source"/> into a temporary file, hashing and counting as it goes. Stops as soon as the
    /// size passes <paramref name="maxBytes"/> or the first bytes are not an accepted type, deleting what was written.
    /// </summary>
    public async Task<TemporaryUpload> ReceiveAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        SweepOnce();
        Directory.CreateDirectory(_temporary);
        var path = Path.Combine(_temporary, $"{Guid.NewGuid():N}.part");
        var upload = new TemporaryUpload(this, path);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var header = new byte[MediaSniffer.HeaderBytes];
            var headerLength = 0;
            long length = 0;
            UploadOutcome? stopped = null;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        stopped = UploadOutcome.TooLarge;
                        break;
                    }

                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                        if (headerLength == header.Length && MediaSniffer.Sniff(header) is null)
                        {
                            stopped = UploadOutcome.UnknownType;
                            break;
                        }
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            if (stopped is { } outcome)
            {
                return upload.Fail(outcome);
            }

            if (length == 0)
            {
                return upload.Fail(UploadOutcome.Empty);
            }

            var type = MediaSniffer.Sniff(header.AsSpan(0, headerLength));
            return type is null ? upload.Fail(UploadOutcome.UnknownType) : upload.Succeed(Convert.ToHexStringLower(hash.GetHashAndReset()), length, type);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Renames a received file to its content address (or drops it when the same bytes are already stored).</summary>
    internal void Commit(string temporaryPath, string sha256)
    {
        var final = PathOf(sha256);
        if (File.Exists(final))
        {
            File.Delete(temporaryPath);
            File.SetLastWriteTimeUtc(final, DateTime.UtcNow); // a fresh reference is coming: the orphan sweep leaves young files
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        try
        {
            File.Move(temporaryPath, final, overwrite: false);
        }
        catch (IOException) when (File.Exists(final))
        {
            File.Delete(temporaryPath); // another upload of the same bytes won the rename
        }
    }

    /// <summary>The stored files: digest, path and last write time (the content address is the file's name).</summary>
    public IEnumerable<(string Sha256, FileInfo File)> StoredFiles()
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var name = file.Name;
            if (name.Length == 64 && name.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
                && string.Equals(file.FullName, PathOf(name), StringComparison.Ordinal))
            {
                yield return (name, file);
            }
        }
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("Not a lower-case SHA-256 hex digest.", nameof(sha256));
        }

        return Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Temporary files left by a crash or a killed process, older than a few hours, go once per process.</summary>
    private void SweepOnce()
    {
        if (Interlocked.Exchange(ref _swept, 1) == 1 || !Directory.Exists(_temporary))
        {
            return;
        }

        foreach (var stale in new DirectoryInfo(_temporary).EnumerateFiles("*.part").Where(f => DateTime.UtcNow - f.LastWriteTimeUtc > StaleTemporaryAge))
        {
            try
            {
                stale.Delete();
            }
            catch (IOException)
            {
                // In use by another node's upload: leave it.
            }
        }
    }
}

public enum UploadOutcome
{
    Received,
    TooLarge,
    UnknownType,
    Empty,
}

/// <summary>A received file not yet in the store: deleted on dispose unless committed.</summary>
public sealed class TemporaryUpload(MediaFileStore store, string path) : IDisposable
{
    private bool _committed;

    public UploadOutcome Outcome { get; private set; }

    public string Sha256 { get; private set; } = "";

    public long Length { get; private set; }

    public SniffedType? Type { get; private set; }

    internal TemporaryUpload Fail(UploadOutcome outcome)
    {
        Outcome = outcome;
        Dispose();
        return this;
    }

    internal TemporaryUpload Succeed(string sha256, long length, SniffedType type)
    {
        (Outcome, Sha256, Length, Type) = (UploadOutcome.Received, sha256, length, type);
        return this;
    }

    public void Commit()
    {
        if (Outcome != UploadOutcome.Received || _committed)
        {
            throw new InvalidOperationException("Only a received, uncommitted file can be committed.");
        }

        store.Commit(path, Sha256);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
