namespace Dashboard.Recommender.Serving;

/// <summary>
/// A fitted blend narrowed to one of its fitted components, sharing the fitted models, history and item
/// details (nothing is refitted), so that a component's own figures cost one more evaluation pass, not a training.
/// </summary>
internal static class SingleComponentView
{
    public static BlendModel Of(BlendModel model, int component)
    {
        var fitted = model.Components[component];
        var details = new ItemDetails[model.Details.Count];
        for (var i = 0; i < details.Length; i++)
        {
            details[i] = model.Details[i];
        }

        return new BlendModel(
            model.EngineVersion,
            model.Spec with { Components = [fitted.Spec] },
            model.Users,
            model.Items,
            details,
            model.History,
            model.InteractionCount,
            model.Popularity,
            [fitted]);
    }
}
