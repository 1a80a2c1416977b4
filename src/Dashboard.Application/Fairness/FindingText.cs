using System.Globalization;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>
/// A finding's stored sentence as a given reader may see it: the engine ends each sentence with the exact group
/// sizes ("(1,200 end-users against 3,400)."); for readers who see size bands only (<see cref="GroupSizeText"/>)
/// those counts become bands.
/// </summary>
public static class FindingText
{
    public static string For(Finding finding, string sentence, bool exact)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(sentence);
        if (exact || finding.Kind == FigureKind.ExposureGini)
        {
            return sentence;
        }

        var pair = $" ({Count(finding.GroupSize)} end-users against {Count(finding.ReferenceSize)}).";
        if (sentence.EndsWith(pair, StringComparison.Ordinal))
        {
            return string.Concat(sentence.AsSpan(0, sentence.Length - pair.Length),
                $" ({GroupSizeText.Describe(finding.GroupSize, false)} end-users against {GroupSizeText.Describe(finding.ReferenceSize, false)}).");
        }

        var single = $" ({Count(finding.GroupSize)} end-users).";
        return sentence.EndsWith(single, StringComparison.Ordinal)
            ? string.Concat(sentence.AsSpan(0, sentence.Length - single.Length), $" ({GroupSizeText.Describe(finding.GroupSize, false)} end-users).")
            : sentence;
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
