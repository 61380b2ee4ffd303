import SiteGen
import SiteGenCore

/// What the server answers from at one instant: the last good site and the latest errors.
struct SiteSnapshot: Sendable {
    /// The files of the last successful build, by path (`guonei/index.html`).
    var files: [String: OutputFile] = [:]
    /// Errors of the latest rebuild; empty when it succeeded.
    var errors: [Diagnostic] = []
    /// Whether any build (good or bad) has finished yet.
    var hasBuilt = false
}
