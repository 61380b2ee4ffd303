#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A digest of everything a build reads: the name, size and modification time of `site.yml`
/// and of every file under `content/` and `themes/`, plus the options and engine version.
///
/// Why: if the digest equals the one of the last successful build, the output folder is still
/// intact and no article's publication time has come since, then that build's output is
/// exactly what a new build would write, so `sitegen build` can stop after a few thousand
/// `stat` calls instead of parsing and rendering the whole site.
struct InputSnapshot: Sendable, Hashable {
    /// Hash of the listing.
    var digest: UInt64
    /// Files listed.
    var files: Int

    /// Lists the inputs of the site at `sourceDirectory` under `options`.
    static func take(_ options: BuildOptions) -> InputSnapshot {
        var hash = ContentHash()
        var files = 0
        func add(_ text: String) {
            var copy = text + "\u{0}"
            copy.withUTF8 { hash.update(UnsafeRawBufferPointer($0)) }
        }
        add("sitegen \(SiteGenVersion.current)")
        add("drafts=\(options.includeDrafts) future=\(options.includeFuture) base=\(options.baseURLOverride ?? "-")")
        let root = options.sourceDirectory
        for top in ["site.yml", "content", "themes"] {
            walk(root + "/" + top, relative: top, depth: 0) { relative, info in
                add("\(relative)\t\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\t\(info.st_mode)")
                files += 1
            }
        }
        return InputSnapshot(digest: hash.finalize(), files: files)
    }

    /// Calls `visit` for every entry below `path` in sorted order, following symbolic links to
    /// files (their targets' size and time count) but not into folders deeper than 64 levels.
    private static func walk(_ path: String, relative: String, depth: Int, _ visit: (String, stat) -> Void) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            visit(relative + " (missing)", stat())
            return
        }
        visit(relative, info)
        guard (info.st_mode & S_IFMT) == S_IFDIR, depth < 64, let directory = opendir(path) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names.sorted() {
            walk(path + "/" + name, relative: relative + "/" + name, depth: depth + 1, visit)
        }
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
    private static var header: String { "sitegen-last-build 1 \(SiteGenVersion.current)" }

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
        MarkdownCache.writeAtomically(text, to: Self.path(sourceDirectory: sourceDirectory))
    }

    /// Forgets the record, so the next build does all its work.
    static func remove(sourceDirectory: String) {
        try? FileManager.default.removeItem(atPath: path(sourceDirectory: sourceDirectory))
    }
}
