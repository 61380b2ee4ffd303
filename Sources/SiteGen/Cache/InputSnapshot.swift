import Foundation
import SiteGenCore

/// A digest of everything a build reads: the size and modification time of `site.yml` and the
/// name, size and modification time of every file the listings of `content/` and `themes/` found
/// (with their warnings), plus the options and engine version.
///
/// Why: if the digest equals the one of the last successful build, the output folder is still
/// intact and no article's publication time has come since, then that build's output is
/// exactly what a new build would write, so `sitegen build` can stop after a few thousand
/// `stat` calls instead of parsing and rendering the whole site. Hidden files are not in the
/// listings: the build does not read them either.
struct InputSnapshot: Sendable, Hashable {
    /// Hash of the listing.
    var digest: UInt64
    /// Files listed.
    var files: Int

    /// Lists the inputs of the site at `sourceDirectory` under `options`; `content` is the
    /// listing of `content/` the build then loads.
    static func take(_ options: BuildOptions, content: FolderListing) -> InputSnapshot {
        var hash = ContentHash()
        func add(_ bytes: some Collection<UInt8>) {
            Array(bytes).withUnsafeBytes { hash.update($0) }
            withUnsafeBytes(of: UInt8(0)) { hash.update($0) }
        }
        func add(_ status: FileStatus?) {
            var fields = (UInt64(bitPattern: status?.size ?? -1), UInt64(bitPattern: status?.modified.seconds ?? -1),
                          UInt64(bitPattern: status?.modified.nanoseconds ?? -1))
            withUnsafeBytes(of: &fields) { hash.update($0) }
        }
        add("sitegen \(SiteGenVersion.engine)".utf8)
        add("drafts=\(options.includeDrafts) future=\(options.includeFuture) base=\(options.baseURLOverride ?? "-")".utf8)
        add("site.yml".utf8)
        add(try? SystemCalls.statusFollowingLinks(of: BytePath(options.sourceDirectory + "/site.yml")))
        var files = 1
        let themes = FolderListing.take(sourceDirectory: options.sourceDirectory, folder: "themes")
        for (name, listing) in [("content", content), ("themes", themes)] {
            add(name.utf8)
            for entry in listing.entries {
                add(entry.relativePath.utf8)
                add(entry.status)
            }
            for diagnostic in listing.diagnostics { add(diagnostic.description.utf8) }
            files += listing.entries.count
        }
        return InputSnapshot(digest: hash.finalize(), files: files)
    }
}

/// What the last successful build recorded for the "nothing changed" check: its input digest,
/// where it wrote, the manifest it left, when a future article becomes due, and its summary and
/// warnings (printed again, so a skipped build reports what a full one would).
struct BuildRecord: Sendable {
    var inputs: InputSnapshot
    /// Absolute path of the output folder.
    var output: String
    /// `ContentHash` of the output manifest file.
    var manifestHash: UInt64
    /// The earliest date of an article left out for being in the future, if any.
    var nextPublication: Date?
    var stats: BuildStats
    var warnings: [Diagnostic]

    static let fileName = "last-build.tsv"
    private static var header: String { "sitegen-last-build 1 \(SiteGenVersion.engine)" }

    static func path(sourceDirectory: String) -> String {
        URL(fileURLWithPath: sourceDirectory).appendingPathComponent(MarkdownCache.folderName).appendingPathComponent(fileName).path
    }

    /// The record of the last build of a site; `nil` when absent or not exactly as written.
    static func load(sourceDirectory: String) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: path(sourceDirectory: sourceDirectory)),
              let text = String(data: data, encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 6, lines[0] == header,
              let digest = UInt64(lines[1], radix: 16), let files = Int(lines[2]),
              let manifestHash = UInt64(lines[4], radix: 16)
        else { return nil }
        let stats = lines[5].split(separator: "\t").compactMap { Int($0) }
        let next = lines[3] == "-" ? nil : Double(lines[3]).map { Date(timeIntervalSince1970: $0) }
        guard stats.count == 3, lines[3] == "-" || next != nil else { return nil }
        var buildStats = BuildStats()
        (buildStats.pages, buildStats.feeds, buildStats.copied) = (stats[0], stats[1], stats[2])
        var warnings: [Diagnostic] = []
        for line in lines.dropFirst(7) where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { MarkdownCache.unescape($0) }
            guard fields.count == 5, let row = Int(fields[1]), let column = Int(fields[2]) else { return nil }
            warnings.append(.warning(fields[3], at: SourceLocation(path: fields[0], line: row, column: column), sourceLine: fields[4].isEmpty ? nil : fields[4]))
        }
        return BuildRecord(
            inputs: InputSnapshot(digest: digest, files: files), output: lines.count > 6 ? lines[6] : "",
            manifestHash: manifestHash, nextPublication: next, stats: buildStats, warnings: warnings
        )
    }

    /// Writes the record (temporary file, then rename); failing to write only costs speed.
    func save(sourceDirectory: String) {
        var text = [
            Self.header, String(inputs.digest, radix: 16), String(inputs.files),
            nextPublication.map { String($0.timeIntervalSince1970) } ?? "-", String(manifestHash, radix: 16),
            "\(stats.pages)\t\(stats.feeds)\t\(stats.copied)", output,
        ].joined(separator: "\n") + "\n"
        for warning in warnings {
            let location = warning.location ?? SourceLocation(path: "")
            text += [location.path, String(location.line), String(location.column), warning.message, warning.sourceLine ?? ""]
                .map(MarkdownCache.escape).joined(separator: "\t") + "\n"
        }
        CacheFile.write(Array(text.utf8), to: Self.path(sourceDirectory: sourceDirectory))
    }

    /// Forgets the record, so the next build does all its work.
    static func remove(sourceDirectory: String) {
        try? FileManager.default.removeItem(atPath: path(sourceDirectory: sourceDirectory))
    }
}
