namespace Dashboard.Application.Fairness;

/// <summary>
/// The outcome of one <see cref="WhatIfSetting"/>: NDCG@10 of the re-ranked held-out lists, the worst judged
/// group ratio (quality or exposure; the lowest ratio, or the reciprocal of a ratio above 1, whichever is further
/// from parity) and what it is ("region North, Electronics exposure"), and how many findings fail (blocking among them).
/// </summary>
public sealed record WhatIfPoint(WhatIfSetting Setting, double NdcgAt10, double WorstGroupRatio, string WorstGroup, int Fails, int BlockingFails);
