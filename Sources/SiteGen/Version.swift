/// The engine's version, printed by `sitegen --version` and part of the build cache key.
public enum SiteGenVersion {
    /// Semantic version of this sitegen.
    public static let current = "0.1.0"
}
