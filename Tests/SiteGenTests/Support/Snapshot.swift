import Foundation
import Testing

/// Golden-file comparison for rendered pages, feeds and sitemaps.
///
/// `Snapshot.expect(text, matches: "mini-site/article.html")` compares `text` with
/// `Tests/SiteGenTests/Snapshots/mini-site/article.html` and, when they differ, records one
/// issue holding a line diff (the first 20 differing lines, with line numbers) instead of two
/// 10 KB strings. Run with `RECORD_SNAPSHOTS=1` to (re)write the golden files on purpose; each
/// rewrite is recorded as an issue too, so a recording run never passes silently.
enum Snapshot {
    /// `Tests/SiteGenTests/Snapshots`, found from this file's path (SwiftPM resources would
    /// copy the files into the bundle, where they could not be re-recorded).
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    /// Whether this run rewrites golden files instead of comparing with them.
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    }

    /// Most differing lines shown in a failure.
    static let shownLines = 20

    /// Compares `actual` with the golden file `name` (a path under `Snapshots/`).
    static func expect(_ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("recorded snapshot \(name) (RECORD_SNAPSHOTS=1); run again without it to compare", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(name) at \(url.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if let diff = lineDiff(expected: expected, actual: actual) {
            Issue.record("snapshot \(name) differs (- golden, + rendered; re-record with RECORD_SNAPSHOTS=1 if intended):\n\(diff)", sourceLocation: sourceLocation)
        }
    }

    /// A readable diff of two texts, `nil` when they are equal: removed golden lines as
    /// `-  12| text`, added rendered lines as `+  12| text` (numbers are lines in their own
    /// file), at most `limit` of them, then a count of the rest.
    static func lineDiff(expected: String, actual: String, limit: Int = shownLines) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var changes: [(line: Int, order: Int, text: String)] = []
        for change in new.difference(from: old) {
            switch change {
            case let .remove(offset, element, _):
                changes.append((offset, 0, "-" + numbered(offset, element)))
            case let .insert(offset, element, _):
                changes.append((offset, 1, "+" + numbered(offset, element)))
            }
        }
        if changes.isEmpty {
            // Same lines, so the difference is invisible in a line diff (e.g. a trailing byte).
            return "texts differ only in bytes a line diff does not show (\(expected.utf8.count) vs \(actual.utf8.count) bytes)"
        }
        changes.sort { ($0.line, $0.order) < ($1.line, $1.order) }
        var lines = changes.prefix(limit).map(\.text)
        if changes.count > limit { lines.append("… and \(changes.count - limit) more differing lines") }
        return lines.joined(separator: "\n")
    }

    private static func numbered(_ offset: Int, _ line: Substring) -> String {
        let number = String(offset + 1)
        return String(repeating: " ", count: max(0, 4 - number.count)) + number + "| " + line
    }
}
