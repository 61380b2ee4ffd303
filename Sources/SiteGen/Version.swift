import Foundation

/// The engine's version, printed by `sitegen --version` and part of the build cache key.
public enum SiteGenVersion {
    /// Semantic version of this sitegen.
    public static let current = "0.1.0"

    /// This build of the engine: the version plus the path, size and modification time of the
    /// running executable. Everything an incremental build keeps from an earlier one (caches,
    /// page keys and fingerprints) is tagged with it, so all of it is dropped when sitegen itself
    /// changes, even within one version number (a stale parse or render must never be reused).
    public static let engine: String = {
        guard let executable = Bundle.main.executablePath,
              let status = try? SystemCalls.statusFollowingLinks(of: BytePath(executable))
        else { return current }
        let identity = Fingerprint.of(seed: 0, Int(status.size), Int(status.modified.seconds), Int(status.modified.nanoseconds), executable)
        return current + "+" + String(identity, radix: 16)
    }()
}
