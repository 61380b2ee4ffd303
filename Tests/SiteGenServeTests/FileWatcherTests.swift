import Foundation
import Testing
@testable import SiteGenServe

/// inotify-based watching of `site.yml`, `content/` and `themes/`.
@Suite struct FileWatcherTests {
    /// A site folder with a watcher on it, stopped and removed by `close()`.
    struct Fixture {
        let root: URL
        let watcher: FileWatcher

        init() throws {
            root = try TestSite.temporaryDirectory()
            let manager = FileManager.default
            try manager.createDirectory(at: root.appendingPathComponent("content/guonei"), withIntermediateDirectories: true)
            try manager.createDirectory(at: root.appendingPathComponent("themes/default/templates"), withIntermediateDirectories: true)
            try manager.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
            try manager.createDirectory(at: root.appendingPathComponent("content/generated"), withIntermediateDirectories: true)
            try Data("title: t\n".utf8).write(to: root.appendingPathComponent("site.yml"))
            try Data("a\n".utf8).write(to: root.appendingPathComponent("content/guonei/a.md"))
            watcher = try FileWatcher(root: root.path, ignoredDirectories: [
                root.appendingPathComponent("public").path,
                root.appendingPathComponent("content/generated").path,
            ])
        }

        func write(_ text: String, to relativePath: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
        }

        /// Collects batches until one contains every expected path (bounded to 5 s).
        func changes(including expected: Set<String>) async throws -> Set<String> {
            let stream = watcher.changes
            return try await withThrowingTaskGroup(of: Set<String>?.self) { group in
                group.addTask {
                    var seen: Set<String> = []
                    for await batch in stream {
                        seen.formUnion(batch)
                        if expected.isSubset(of: seen) { return seen }
                    }
                    return seen
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(20))
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return try #require(first, "no change batch with \(expected) arrived")
            }
        }

        func close() {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func reportsAModifiedArticle() async throws {
        let fixture = try Fixture()
        defer { fixture.close() }
        try fixture.write("b\n", to: "content/guonei/a.md")
        let seen = try await fixture.changes(including: ["content/guonei/a.md"])
        #expect(seen.contains("content/guonei/a.md"))
    }

    @Test func reportsSiteConfigurationEdits() async throws {
        let fixture = try Fixture()
        defer { fixture.close() }
        try fixture.write("title: u\n", to: "site.yml")
        _ = try await fixture.changes(including: ["site.yml"])
    }

    @Test func reportsANewFileInANewSubfolderAndWatchesThatFolder() async throws {
        let fixture = try Fixture()
        defer { fixture.close() }
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("content/guoji/2024"), withIntermediateDirectories: true)
        try fixture.write("x\n", to: "content/guoji/2024/b.md")
        _ = try await fixture.changes(including: ["content/guoji/2024/b.md"])
        try fixture.write("y\n", to: "content/guoji/2024/c.md")
        _ = try await fixture.changes(including: ["content/guoji/2024/c.md"])
    }

    @Test func reportsBothNamesOfARename() async throws {
        let fixture = try Fixture()
        defer { fixture.close() }
        try FileManager.default.moveItem(
            at: fixture.root.appendingPathComponent("content/guonei/a.md"),
            to: fixture.root.appendingPathComponent("content/guonei/renamed.md")
        )
        _ = try await fixture.changes(including: ["content/guonei/a.md", "content/guonei/renamed.md"])
    }

    @Test func ignoresEditorTemporaryFilesAndTheOutputFolder() async throws {
        let fixture = try Fixture()
        defer { fixture.close() }
        try fixture.write("swap", to: "content/guonei/.a.md.swp")
        try fixture.write("backup", to: "content/guonei/a.md~")
        try fixture.write("lock", to: "content/guonei/.#a.md")
        try fixture.write("<html>", to: "public/index.html")
        try fixture.write("<html>", to: "content/generated/index.html")
        try fixture.write("theme", to: "themes/default/templates/page.mustache")
        let seen = try await fixture.changes(including: ["themes/default/templates/page.mustache"])
        #expect(seen == ["themes/default/templates/page.mustache"])
    }

    @Test func stopFinishesTheChangeStream() async throws {
        let fixture = try Fixture()
        defer { fixture.close() }
        fixture.watcher.stop()
        var iterator = fixture.watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test(arguments: [(".a.md.swp", true), ("a.md~", true), (".#a.md", true), ("4913", true), ("a.md", false), ("site.yml", false)])
    func editorTemporaryNames(name: String, ignored: Bool) {
        #expect(FileWatcher.isEditorTemporary(name) == ignored)
    }
}
