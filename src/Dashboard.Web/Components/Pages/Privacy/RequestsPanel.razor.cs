using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Erasure;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>
/// Access downloads (JSON or CSV, posted as a form so the id stays out of URLs), erasure after a confirmation that says
/// what is deleted and that it cannot be undone, and the receipts of both.
/// </summary>
public sealed partial class RequestsPanel : IDisposable
{
    private static readonly TimeSpan ReceiptLookInterval = TimeSpan.FromMilliseconds(500);
    private const int ReceiptLooks = 10;

    private readonly CancellationTokenSource _disposed = new();
    private string? _accessId;
    private string? _eraseId;
    private string? _eraseError;
    private bool _confirming;
    private bool _erasing;
    private PrivacyRequestView? _receipt;
    private IReadOnlyList<PrivacyRequestView> _receipts = [];

    [Inject]
    private ErasureService Erasure { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _receipts = await Erasure.ReceiptsAsync();

    // The download is a plain form post that the browser handles, so the panel cannot see when the endpoint writes its
    // receipt; it looks again for a few seconds after the click until a receipt it has not shown appears.
    private async Task DownloadRequestedAsync()
    {
        var shown = _receipts.Select(r => r.Reference).ToHashSet(StringComparer.Ordinal);
        try
        {
            for (var look = 0; look < ReceiptLooks; look++)
            {
                await Task.Delay(ReceiptLookInterval, _disposed.Token);
                var receipts = await Erasure.ReceiptsAsync(cancellationToken: _disposed.Token);
                if (receipts.Any(r => !shown.Contains(r.Reference)))
                {
                    _receipts = receipts;
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page was left while looking; there is nothing to show the receipt on.
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private void AskToErase()
    {
        _receipt = null;
        _eraseError = null;
        _confirming = true;
    }

    private async Task EraseAsync()
    {
        _erasing = true;
        try
        {
            _receipt = await Erasure.EraseAsync(_eraseId, PrivacyRequests.PageChannel);
            _eraseId = null;
            _confirming = false;
            _receipts = await Erasure.ReceiptsAsync();
        }
        catch (ValidationException ex)
        {
            _eraseError = ex.Message;
            _confirming = false;
        }
        finally
        {
            _erasing = false;
        }
    }
}
