namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// For one purpose, how many of the tenant's end-users' latest consent record grants it, withdraws it, or who
/// have no record at all (<see cref="NoRecord"/> is everyone else).
/// </summary>
public sealed record ConsentCoverage(string Purpose, int Granted, int Withdrawn, int EndUsers)
{
    public int NoRecord => Math.Max(0, EndUsers - Granted - Withdrawn);

    /// <summary>Granted as a share of all end-users, 0 when there are none.</summary>
    public double GrantedShare => EndUsers == 0 ? 0 : (double)Granted / EndUsers;
}
