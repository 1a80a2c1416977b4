using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Erasure;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>
/// Access downloads (JSON or CSV, posted as a form so the id stays out of URLs), erasure after a confirmation that says
/// what is deleted and that it cannot be undone, and the receipts of both.
/// </summary>
public sealed partial class RequestsPanel
{
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
