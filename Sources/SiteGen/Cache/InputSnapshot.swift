#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A digest of everything a build reads: the name, size and modification time of `site.yml`,
/// of every file under `themes/` and of every file the content listing found (with the
/// listing's warnings), plus the options and engine version.
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

    /// Lists the inputs of the site at `sourceDirectory` under `options`; `content` is the
    /// listing of `content/` the build then loads.
    ///
    /// Names are compared and hashed as bytes and every `stat` is relative to an open folder.
    static func take(_ options: BuildOptions, content: ContentListing) -> InputSnapshot {
        var hash = ContentHash()
        func add(_ text: String) {
            var copy = text + "\u{0}"
            copy.withUTF8 { hash.update(UnsafeRawBufferPointer($0)) }
        }
        add("sitegen \(SiteGenVersion.engine)")
        add("drafts=\(options.includeDrafts) future=\(options.includeFuture) base=\(options.baseURLOverride ?? "-")")
        let root = open(options.sourceDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if root >= 0 { close(root) } }
        var files = 0
        for top in ["site.yml", "content", "themes"] {
            var listing = Listing()
            if top == "content" {
                listing.add(content)
            } else {
                listing.walk(parent: root, name: Array(top.utf8), relative: Array(top.utf8), depth: 0)
            }
            withUnsafeBytes(of: listing.hash.finalize().littleEndian) { hash.update($0) }
            files += listing.files
        }
        return InputSnapshot(digest: hash.finalize(), files: files)
    }

    /// The hash of one folder tree's names and `stat` fields.
    private struct Listing {
        var hash = ContentHash()
        var files = 0

        /// Adds a name and a NUL separator.
        private mutating func add(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { hash.update($0) }
            withUnsafeBytes(of: UInt8(0)) { hash.update($0) }
        }

        /// Adds the files of a content listing and its warnings.
        mutating func add(_ content: ContentListing) {
            for entry in content.entries {
                add(Array(entry.relativePath.utf8))
                let status = entry.status
                var fields = (UInt64(bitPattern: status?.size ?? -1), UInt64(bitPattern: status?.modified.seconds ?? -1),
                              UInt64(bitPattern: status?.modified.nanoseconds ?? -1))
                withUnsafeBytes(of: &fields) { hash.update($0) }
                files += 1
            }
            for diagnostic in content.diagnostics { add(Array(diagnostic.description.utf8)) }
        }

        mutating func walk(parent: Int32, name: [UInt8], relative: [UInt8], depth: Int) {
            var info = stat()
            let found = parent >= 0 && (name + [0]).withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { fstatat(parent, $0.baseAddress!, &info, 0) == 0 }
            }
            add(relative)
            if !found {
                add(Array(" (missing)".utf8))
                files += 1
                return
            }
            var fields = (UInt64(info.st_size), UInt64(info.st_mtim.tv_sec), UInt64(info.st_mtim.tv_nsec), UInt64(info.st_mode))
            withUnsafeBytes(of: &fields) { hash.update($0) }
            files += 1
            guard (info.st_mode & S_IFMT) == S_IFDIR, depth < 64 else { return }
            let folder = (name + [0]).withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { openat(parent, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            }
            guard folder >= 0, let directory = fdopendir(folder) else {
                if folder >= 0 { close(folder) }
                return
            }
            defer { closedir(directory) }
            var names: [[UInt8]] = []
            while let entry = readdir(directory) {
                let child = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if child != [UInt8(ascii: ".")] && child != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(child) }
            }
            names.sort { $0.lexicographicallyPrecedes($1) }
            let descriptor = dirfd(directory)
            for child in names {
                walk(parent: descriptor, name: child, relative: relative + [UInt8(ascii: "/")] + child, depth: depth + 1)
            }
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
