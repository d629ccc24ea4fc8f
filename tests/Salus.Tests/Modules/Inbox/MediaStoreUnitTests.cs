using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Media;
using Salus.Platform.Hosting;

namespace Salus.Tests.Modules.Inbox;

/// <summary>Magic-byte recognition and the file store's promise: a name in the store always holds the whole file.</summary>
public sealed class MediaStoreUnitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salus-media-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("00000018667479706d703432", "video/mp4")] // ftyp mp42
    [InlineData("1a45dfa39f4286810142f7810142f2810442f381084282847765626d", "video/webm")] // EBML, DocType webm
    [InlineData("255044462d312e37", "application/pdf")]
    [InlineData("89504e470d0a1a0a", "image/png")]
    [InlineData("ffd8ffe000104a464946", "image/jpeg")]
    [InlineData("0000001c6674797068656963", null)] // ftyp heic: an image container, not MP4 video
    [InlineData("00000014667479707174202000", null)] // ftyp "qt  ": QuickTime, not accepted
    [InlineData("1a45dfa39f4286810142f7810142f28104428288", null)] // Matroska without the webm DocType
    [InlineData("4d5a90000300000004000000ffff0000", null)] // a Windows executable
    [InlineData("3c7376672078", null)] // SVG (could carry script): refused
    public void Files_are_recognised_by_their_first_bytes_only(string hex, string? expected) =>
        Assert.Equal(expected, MediaSniffer.Sniff(Convert.FromHexString(hex))?.ContentType);

    [Theory]
    [InlineData("clip.MP4", null)]
    [InlineData("clip", null)]
    [InlineData("clip.m4v", null)]
    [InlineData("clip.webm", "content is video/mp4")]
    [InlineData("clip.exe", "not accepted")]
    public void A_name_must_agree_with_the_content(string name, string? problem)
    {
        var found = MediaSniffer.ExtensionProblem(name, MediaSniffer.Mp4);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_received_file_is_hashed_while_streamed_and_appears_under_its_digest_only_when_committed()
    {
        var store = Store();
        var bytes = Pdf(200_000);
        using (var upload = await store.ReceiveAsync(new MemoryStream(bytes), 1_000_000, default))
        {
            Assert.Equal(UploadOutcome.Received, upload.Outcome);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
            Assert.False(store.Exists(upload.Sha256)); // not yet under its name
            upload.Commit();
            Assert.Equal(bytes, await File.ReadAllBytesAsync(store.PathOf(upload.Sha256)));
        }

        // The same bytes again: stored once, the second temporary file dropped.
        using (var again = await store.ReceiveAsync(new MemoryStream(bytes), 1_000_000, default))
        {
            again.Commit();
        }

        Assert.Single(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_interrupted_upload_leaves_no_file_behind_and_nothing_under_a_digest()
    {
        var store = Store();
        var broken = new BreaksAfter(Pdf(500_000), 300_000);
        await Assert.ThrowsAsync<IOException>(() => store.ReceiveAsync(broken, 1_000_000, default));
        Assert.Empty(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));

        using var tooLarge = await store.ReceiveAsync(new MemoryStream(Pdf(500_000)), 100_000, default);
        Assert.Equal(UploadOutcome.TooLarge, tooLarge.Outcome);
        Assert.Throws<InvalidOperationException>(tooLarge.Commit);
        Assert.Empty(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Temporary_files_left_by_a_crash_are_swept_once_they_are_old()
    {
        var temporary = Path.Combine(_folder, "media", "tmp");
        Directory.CreateDirectory(temporary);
        var stale = Path.Combine(temporary, "crashed.part");
        var fresh = Path.Combine(temporary, "in-progress.part");
        await File.WriteAllTextAsync(stale, "half a file");
        await File.WriteAllTextAsync(fresh, "another node is writing this");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-1));

        using var upload = await Store().ReceiveAsync(new MemoryStream(Pdf(1000)), 1_000_000, default);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public void Only_a_digest_can_name_a_stored_file()
    {
        var store = Store();
        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.PathOf(new string('A', 64)));
    }

    private MediaFileStore Store() => new(Options.Create(new MediaLibraryOptions()), new SalusPaths(_folder));

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A client that disconnects part-way.</summary>
    private sealed class BreaksAfter(byte[] bytes, int limit) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= limit)
            {
                throw new IOException("The client went away.");
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
