import Foundation
@testable import SiteGen

/// A site built to disk by `SiteBuilder.build` in a temporary folder, with every output file
/// read back, for end-to-end tests.
struct BuiltSite: Sendable {
    /// The repository root (the sample site: `site.yml`, `content/`, `themes/`).
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// `Tests/SiteGenTests/Fixtures`.
    static let fixtures: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// The file the writer keeps for the next build (sizes, hashes, mtimes): bookkeeping, not
    /// part of the site, and not expected to be identical between two builds.
    static let manifest = ".sitegen-manifest"

    /// What the build returned.
    let result: RenderedSite
    /// Every file in the output folder except the manifest, by relative path.
    let files: [String: Data]

    /// Runs `SiteBuilder.build(options)` and reads the output folder back.
    init(_ options: BuildOptions) throws {
        result = SiteBuilder.build(options)
        files = try Self.read(options.outputDirectory)
    }

    /// The output file at `path` as text, `nil` when it was not written.
    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Output paths ending in `suffix`, sorted.
    func paths(endingWith suffix: String) -> [String] {
        files.keys.filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// Every regular file under `folder` (relative paths), without the manifest; empty when the
    /// folder does not exist.
    static func read(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  relative != manifest else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    /// Copies `source` (a site folder) into a fresh temporary site, adding the repository's
    /// `themes/` when the source has none.
    static func copy(siteAt source: String) throws -> TemporarySite {
        let site = try TemporarySite(files: [:])
        let manager = FileManager.default
        for item in try manager.contentsOfDirectory(atPath: source) {
            try manager.copyItem(atPath: source + "/" + item, toPath: site.root + "/" + item)
        }
        if !manager.fileExists(atPath: site.root + "/themes") {
            try manager.copyItem(atPath: repositoryRoot + "/themes", toPath: site.root + "/themes")
        }
        return site
    }

    /// The repository's default theme as `[relative path: contents]`, to add to a
    /// `TemporarySite`'s files.
    static var defaultThemeFiles: [String: String] {
        var files: [String: String] = [:]
        for source in SampleSite.defaultTheme.templates.values { files[source.path] = source.text }
        return files
    }
}
