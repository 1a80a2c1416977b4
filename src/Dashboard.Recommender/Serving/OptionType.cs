using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Recommender.Serving;

/// <summary>How a component option is edited and parsed (invariant culture).</summary>
public enum OptionType
{
    /// <summary>A whole number.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The editor's word for a whole-number field; shared with the product's UI.")]
    Integer,
    Number,
    Choice,
    Boolean,
}
