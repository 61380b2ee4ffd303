import Synchronization

/// Holds what a build worked with until the process exits, when `BuildOptions.leavesMemoryToExit`
/// is set (by `sitegen build`, which exits right after the build).
///
/// Why: freeing a large site's graph, caches and manifests one object at a time is a measurable
/// part of a one-article rebuild (see docs/performance.md), while the exit reclaims the whole
/// address space at once (the same reason clang has `-disable-free`). The dev server and the
/// tests leave the option off and free everything as usual.
package enum ExitReclaim {
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps `values` alive until the process exits.
    package static func keep(_ values: any Sendable...) {
        kept.withLock { $0.append(contentsOf: values) }
    }
}
