namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// A blend's latest model version and what its data manifest says about consent: how many end-users it learnt
/// from, how many the consent gate left out, as of when, and the gate's own account of its answer.
/// </summary>
public sealed record TrainingExclusion(
    string Blend, int Version, bool IsActive, DateTime TrainedAtUtc, int EndUsersIncluded, int EndUsersExcluded, DateTime ConsentAsOfUtc, string ConsentBasis);
