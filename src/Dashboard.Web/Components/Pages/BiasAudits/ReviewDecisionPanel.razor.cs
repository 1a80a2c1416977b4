using Dashboard.Application.Fairness;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.BiasAudits;

public sealed partial class ReviewDecisionPanel
{
    private string _justification = string.Empty;
    private string? _message;
    private bool _busy;

    [Parameter, EditorRequired]
    public BiasAuditDetail Detail { get; set; } = default!;

    /// <summary>Called after a decision was recorded, with its sentence, so the page reloads the version's state.</summary>
    [Parameter]
    public EventCallback<string> Decided { get; set; }

    [Inject]
    private ReleaseReviewService Reviews { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private bool LongEnough => _justification.Trim().Length >= ReleaseReviewService.MinJustificationLength;

    /// <summary>What approving does, said before it is done.</summary>
    internal static string ApproveWarning(BiasAuditDetail detail) =>
        $"Version {detail.Audit.VersionNumber} of “{detail.Audit.BlendName}” may go live despite its blocking findings (and will at once, if the training would have " +
        "activated it: it is the blend's newest version, automatic activation is on and it scored within the margin; otherwise a marketer activates it). " +
        "Your name, the time and your justification are kept on the version and in the audit log.";

    /// <summary>What rejecting does, said before it is done.</summary>
    internal static string RejectWarning(BiasAuditDetail detail) =>
        $"Version {detail.Audit.VersionNumber} of “{detail.Audit.BlendName}” can never go live; the blend keeps serving its current version until a new training. " +
        "Your name, the time and your justification are kept on the version and in the audit log.";

    private Task ApproveAsync() => DecideAsync(approve: true);

    private Task RejectAsync() => DecideAsync(approve: false);

    private async Task DecideAsync(bool approve)
    {
        var n = Detail.Audit.VersionNumber;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            approve ? $"Approve version {n}?" : $"Reject version {n}?",
            approve ? ApproveWarning(Detail) : RejectWarning(Detail),
            yesText: approve ? $"Approve version {n}" : $"Reject version {n}", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = approve
                ? await Reviews.ApproveAsync(Detail.Audit.ModelVersionId, _justification)
                : await Reviews.RejectAsync(Detail.Audit.ModelVersionId, _justification);
            _message = result.Succeeded ? null : result.Message;
            if (result.Succeeded)
            {
                _justification = string.Empty;
                await Decided.InvokeAsync(result.Message);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
