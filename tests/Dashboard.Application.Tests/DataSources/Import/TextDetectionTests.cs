using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources.Import;

public sealed class TextDetectionTests
{
    private const string Csv = "user_id,item_id,event_type,value,timestamp\nu1,i1,click,,2026-06-01 10:00:00\n";

    public static TheoryData<string, byte[], string> BinaryFiles => new()
    {
        { "gzip", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2B, 0x49], "gzip archive" },
        { "xlsx", [.. "PK\u0003\u0004"u8, 0x14, 0x00, 0x06, 0x00, .. "[Content_Types].xml"u8], "Excel workbook" },
        { "elf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], "ELF executable" },
        { "pdf", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3], "PDF document" },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "PNG image" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8], "JPEG image" },
        { "unknown binary", [.. "id,title\n"u8, 0x00, 0x01, 0x02, 0x03], "NUL bytes" },
    };

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void NotTextReason_RecognisesBinaryFormatsByTheirFirstBytes(string name, byte[] bytes, string expected)
    {
        var reason = TextDetection.NotTextReason(new MemoryStream(bytes));

        Assert.True(reason?.Contains(expected, StringComparison.Ordinal), $"{name}: {reason}");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void NotTextReason_AcceptsTextWithOrWithoutAByteOrderMark(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Csv)],
            _ => Encoding.UTF8.GetBytes(Csv),
        };

        Assert.Null(TextDetection.NotTextReason(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task Upload_AGzipFileNamedCsv_IsRefusedSayingWhatItLooksLike()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        byte[] gzip = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2B, 0x49, 0x2D, 0x2E, 0x01, 0x00];

        var result = await host.InScopeAsync<DataSourceUploadService, Result>(s => s.UploadAsync(id, DatasetKind.Interactions, "binary.csv", new MemoryStream(gzip)));

        Assert.False(result.Succeeded);
        Assert.StartsWith("binary.csv is not a text file (it looks like a gzip archive", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenDelimited_ABinaryFile_SaysItIsNotText()
    {
        byte[] elf = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. "id,title\n"u8];

        var ex = await Assert.ThrowsAsync<ImportInputException>(() => DelimitedFileReader.OpenAsync(new MemoryStream(elf), null, null));

        Assert.Contains("not a text file (it looks like a program (ELF executable))", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Preview_AUtf16FileWithAByteOrderMark_IsReadAsUtf16(bool bigEndian)
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        await UploadAsync(host, id, DatasetKind.Interactions, [.. encoding.GetPreamble(), .. encoding.GetBytes(Csv.Replace("u1", "Zoë", StringComparison.Ordinal))]);

        var preview = await host.InScopeAsync<DataSourceUploadService, FilePreview>(s => s.PreviewAsync(id, DatasetKind.Interactions));

        Assert.Null(preview.Problem);
        Assert.Equal(bigEndian ? TextDetection.Utf16Be : TextDetection.Utf16Le, preview.Encoding);
        Assert.Equal(["user_id", "item_id", "event_type", "value", "timestamp"], preview.Header);
        Assert.Equal("Zoë", preview.Rows.Single().Cells[0]);
        Assert.Contains("byte-order mark", preview.EncodingReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_AFileThatIsNotUtf8_SaysInWordsThatItFellBackToLatin1()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Csv.Replace("u1", "Zoë", StringComparison.Ordinal), Encoding.Latin1);

        var preview = await host.InScopeAsync<DataSourceUploadService, FilePreview>(s => s.PreviewAsync(id, DatasetKind.Interactions));

        Assert.Equal("Zoë", preview.Rows.Single().Cells[0]);
        Assert.Equal("Read as ISO-8859-1 (Latin-1) because the file is not valid UTF-8. If accented letters look wrong, save the file as UTF-8 and upload it again.",
            preview.EncodingReason);
    }

    [Fact]
    public void DetectEncoding_FollowsAUtf16ByteOrderMark()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv)];

        Assert.Equal(TextDetection.Utf16Le, TextDetection.DetectEncoding(new MemoryStream(bytes)));
    }
}
