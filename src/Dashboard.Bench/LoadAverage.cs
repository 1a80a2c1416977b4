using System.Globalization;

namespace Dashboard.Bench;

/// <summary>The host's one-minute load average, printed beside timings because the benchmark machine is shared.</summary>
internal static class LoadAverage
{
    public static string Now
    {
        get
        {
            try
            {
                var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
                return double.Parse(first, CultureInfo.InvariantCulture).ToString("F1", CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return "n/a";
            }
            catch (UnauthorizedAccessException)
            {
                return "n/a";
            }
        }
    }
}
