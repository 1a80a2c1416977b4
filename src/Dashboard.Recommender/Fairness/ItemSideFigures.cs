namespace Dashboard.Recommender.Fairness;

/// <summary>
/// Popularity bias over all evaluated lists (Abdollahpouri et al., 2019): APLT (mean long-tail share
/// of a list), ARP (mean list popularity), the Gini of item exposure, long-tail coverage (share of the
/// long-tail items shown at least once) and catalogue coverage.
/// </summary>
public sealed record ItemSideFigures(
    int ItemCount,
    int LongTailItemCount,
    double Aplt,
    double Arp,
    double ExposureGini,
    double LongTailCoverage,
    double CatalogCoverage);
