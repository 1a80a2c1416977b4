namespace Dashboard.Application.Tests.Support;

/// <summary>A fact that needs poppler's <c>pdftotext</c> to read a PDF's text; skipped, saying why, where it is not installed.</summary>
public sealed class PdfToTextFactAttribute : FactAttribute
{
    public PdfToTextFactAttribute()
    {
        if (PdfText.Tool is null)
        {
            Skip = "pdftotext (poppler-utils) is not installed.";
        }
    }
}
