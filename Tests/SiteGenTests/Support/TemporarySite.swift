import Foundation
@testable import SiteGen

/// A site written from a `[relative path: contents]` dictionary into a fresh temporary folder,
/// for end-to-end tests. Call `remove()` when done (e.g. `defer { site.remove() }`).
struct TemporarySite {
    /// Absolute path of the site folder.
    let root: String

    /// Writes every file (creating folders as needed) under a new temporary folder.
    init(files: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/sitegen-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, contents) in files {
            try write(path, bytes: Array(contents.utf8))
        }
    }

    /// Writes (or replaces) one file with raw bytes, e.g. invalid UTF-8.
    func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Build options reading this site.
    var options: BuildOptions { BuildOptions(sourceDirectory: root, outputDirectory: root + "/public") }

    /// Deletes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
