using System.Diagnostics;

namespace Dashboard.Application.Tests.Support;

/// <summary>A PDF's text as poppler's <c>pdftotext -layout</c> extracts it, for tests that read what a report says.</summary>
internal static class PdfText
{
    public static string? Tool { get; } = Find();

    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var tool = Tool ?? throw new InvalidOperationException("pdftotext is not installed.");
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, ["-layout", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            }) ?? throw new InvalidOperationException("pdftotext did not start.");
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {await process.StandardError.ReadToEndAsync()}");
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pdftotext"))
            .FirstOrDefault(File.Exists);
}
