namespace ChatCouncil.Inference.Registry;

/// <summary>Where a configured model is in its life.</summary>
public enum ModelState
{
    NotLoaded,
    Loading,
    Loaded,
    Failed,
}
