namespace Dashboard.Application.Fairness;

/// <summary>A re-ranking setting to try: MMR diversity λ in [0, 1] (1 is off), long-tail boost ≥ 0, at most this many items per category (null: no cap).</summary>
public sealed record WhatIfSetting(double MmrLambda, double LongTailBoost, int? MaxPerCategory);
