import Foundation
import Testing
@testable import SiteGen

/// What happens to an existing output folder when a build fails, is killed or races another
/// build: it stays exactly the previous build's tree.
@Suite(.serialized) struct OutputSafetyTests {
    private typealias Site = HostileSite

    // MARK: Failed builds

    @Test func failedBuildLeavesTheOutputByteIdentical() throws {
        let site = try Site.make(["content/guonei/a.md": Site.article(), "content/difang/b.md": Site.article(title: "乙")])
        defer { site.remove() }
        let first = SiteBuilder.build(site.options)
        #expect(!first.diagnostics.hasErrors)
        let before = try TreeHash.of(site.options.outputDirectory)
        #expect(before.files > 10)

        try site.write("content/guonei/a.md", bytes: Array(Site.article(title: "改了").utf8))
        try site.write("content/difang/broken.md", bytes: Array("---\ntitle: [\n---\n".utf8))
        let failed = SiteBuilder.build(site.options)
        #expect(failed.diagnostics.errors.map(\.location?.path) == ["content/difang/broken.md"])
        #expect(try TreeHash.of(site.options.outputDirectory) == before)
        #expect(try TreeHash.leftovers(next: site.options.outputDirectory).isEmpty)
    }

    @Test func refusedOutputFoldersAreReportedAndLeftAlone() throws {
        let site = try Site.make(["content/guonei/a.md": Site.article()])
        defer { site.remove() }
        let lookalike = site.root + "/lookalike"
        try FileManager.default.createDirectory(atPath: lookalike + "/content", withIntermediateDirectories: true)
        let cases: [(output: String, message: String)] = [
            (site.root, "refusing to use \(site.root) as the output folder: it is or contains the site's source folder"),
            (lookalike, "refusing to use \(lookalike) as the output folder: it contains content/ and was not written by sitegen"),
        ]
        for (output, message) in cases {
            let before = try TreeHash.of(output)
            var options = site.options
            options.outputDirectory = output
            let result = SiteBuilder.build(options)
            #expect(result.diagnostics.errors.count == 1)
            #expect(result.diagnostics.errors.first?.message.contains(message) == true, "\(result.messages)")
            #expect(try TreeHash.of(output) == before)
        }
    }

    @Test func secondBuildWhileTheFirstHoldsTheLockStopsWithAClearMessage() throws {
        let site = try Site.make(["content/guonei/a.md": Site.article()])
        defer { site.remove() }
        #expect(!SiteBuilder.build(site.options).diagnostics.hasErrors)
        let before = try TreeHash.of(site.options.outputDirectory)
        let lock = try OutputLock(outputDirectory: site.options.outputDirectory)
        try site.write("content/guonei/b.md", bytes: Array(Site.article(title: "乙").utf8))
        let second = SiteBuilder.build(site.options)
        lock.release()
        #expect(second.messages == ["error: cannot write the site: another sitegen build is writing \(site.options.outputDirectory) (pid \(getpid()))"])
        #expect(try TreeHash.of(site.options.outputDirectory) == before)
        #expect(!SiteBuilder.build(site.options).diagnostics.hasErrors)
    }

    // MARK: The CLI, killed or racing

    @Test(.enabled(if: CLIHarness.available, CLIHarness.unavailableReason))
    func killedBuildLeavesThePreviousOutputAndTheNextBuildCleansUp() throws {
        let harness = try CLIHarness(articles: 3000)
        defer { harness.remove() }
        let start = Date()
        let first = try harness.build()
        let duration = Date().timeIntervalSince(start)
        #expect(first.status == 0, "\(first.stderr)")
        let built = try TreeHash.of(harness.output)

        try harness.modifySite()
        // What a complete build of the modified site writes (manifest aside, which records
        // mtimes): a kill that lands after the atomic swap, while the old tree is being deleted,
        // legitimately leaves this new tree instead of the old one.
        let rebuilt = try harness.buildElsewhere()
        var sawStaging = false
        var keptOld = 0
        var previous = built
        for (signal, fraction) in [(SIGKILL, 0.4), (SIGKILL, 0.7), (SIGKILL, 0.9), (SIGINT, 0.5), (SIGTERM, 0.8)] {
            let outcome = try harness.build(killWith: signal, after: duration * fraction)
            #expect(outcome.status != 0, "signal \(signal) at \(fraction) came after the build finished")
            let now = try TreeHash.of(harness.output)
            let whole = try now == previous || TreeHash.of(harness.output, excludingManifest: true) == rebuilt
            #expect(whole, "signal \(signal) at \(fraction) left an output that is neither the old nor the new site")
            if now == previous, now == built { keptOld += 1 }
            previous = now
            let leftovers = try TreeHash.leftovers(next: harness.output)
            sawStaging = sawStaging || !leftovers.isEmpty
        }
        let next = try harness.build()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try TreeHash.of(harness.output) != built)
        #expect(try TreeHash.leftovers(next: harness.output).isEmpty)
        #expect(keptOld > 0, "every kill landed after the swap; the test did not interrupt a build")
        print("killed-build test: first build \(String(format: "%.2f", duration)) s, old tree kept \(keptOld)/5, staging leftover seen: \(sawStaging)")
    }

    @Test(.enabled(if: CLIHarness.available, CLIHarness.unavailableReason))
    func twoBuildsAtOnceNeverCorruptTheOutput() throws {
        let harness = try CLIHarness(articles: 500)
        defer { harness.remove() }
        #expect(try harness.build().status == 0)
        try harness.modifySite()
        let clean = try harness.build()
        #expect(clean.status == 0)
        let expected = try TreeHash.of(harness.output)
        var refused = 0
        for _ in 0..<2 {
            let (a, b) = try harness.buildTwiceAtOnce()
            refused += [a, b].filter { $0.status != 0 }.count
            for outcome in [a, b] where outcome.status != 0 {
                #expect(outcome.stderr.contains("another sitegen build is writing \(harness.output) (pid "), "\(outcome.stderr)")
            }
            #expect(a.status == 0 || b.status == 0)
            #expect(try TreeHash.leftovers(next: harness.output).isEmpty)
            #expect(try TreeHash.of(harness.output) == expected)
        }
        print("concurrent-build test: \(refused) of 4 builds stopped by the lock")
    }
}

/// A content digest of a folder tree: every entry's path, kind and bytes (symbolic links by
/// target), so two trees compare equal exactly when they hold the same files.
struct TreeHash: Hashable, CustomStringConvertible {
    var digest: UInt64
    var files: Int

    var description: String { "\(files) files, \(String(digest, radix: 16))" }

    /// The digest of the tree at `path` (an absent folder hashes as empty).
    static func of(_ path: String, excludingManifest: Bool = false) throws -> TreeHash {
        var hasher = ContentHash()
        var files = 0
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return TreeHash(digest: 0, files: 0) }
        let entries = (manager.subpaths(atPath: path) ?? []).sorted()
        for relative in entries where !(excludingManifest && relative == OutputManifest.fileName) {
            let full = path + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: full)
            let kind = attributes[.type] as? FileAttributeType
            hasher.update(bytes: Array((relative + "\u{0}" + (kind?.rawValue ?? "") + "\u{0}").utf8))
            if kind == .typeSymbolicLink {
                hasher.update(bytes: Array(try manager.destinationOfSymbolicLink(atPath: full).utf8))
            } else if kind == .typeRegular {
                hasher.update(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: full))))
                files += 1
            }
        }
        return TreeHash(digest: hasher.finalize(), files: files)
    }

    /// Staging trees next to the output folder `path` (`.<name>.sitegen-staging-<pid>`).
    static func leftovers(next path: String) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        let prefix = "." + url.lastPathComponent + ".sitegen-staging-"
        return try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).filter { $0.hasPrefix(prefix) }
    }
}

extension ContentHash {
    fileprivate mutating func update(bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }
}

/// Runs the `sitegen` executable from `.build/debug` on a generated corpus.
struct CLIHarness {
    /// The outcome of one run.
    struct Outcome {
        var status: Int32
        var stderr: String
    }

    static let executable = HostileSite.packageRoot.path + "/.build/debug/sitegen"

    /// `gen_corpus.py` from the shared bench folder next to (or above) the worktree.
    static let generator: String? = {
        var folder = HostileSite.packageRoot
        for _ in 0..<3 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.path + "/shared/bench/gen_corpus.py"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) && generator != nil }
    static let unavailableReason: Comment = "needs .build/debug/sitegen (swift build) and shared/bench/gen_corpus.py"

    let root: String
    var source: String { root + "/site" }
    var output: String { root + "/public" }

    /// Generates a corpus of `articles` articles with the default theme.
    init(articles: Int) throws {
        root = FileManager.default.temporaryDirectory.path + "/sitegen-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: source + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: HostileSite.packageRoot.path + "/themes/default", toPath: source + "/themes/default")
        let status = try Self.run("/usr/bin/env", ["python3", Self.generator ?? "", "--articles", "\(articles)", "--out", source]).status
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Adds one article so the next build differs from the last.
    /// Builds the site (as it is now) into a separate folder and hashes the result without its
    /// manifest: what any complete build of it writes.
    func buildElsewhere() throws -> TreeHash {
        let elsewhere = root + "/public-expected"
        let status = try Self.run(Self.executable, ["build", "--quiet", "--full", "--source", source, "--output", elsewhere]).status
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return try TreeHash.of(elsewhere, excludingManifest: true)
    }

    func modifySite() throws {
        let path = source + "/content/guonei/zz-added.md"
        try Data(HostileSite.article(title: "新增").utf8).write(to: URL(fileURLWithPath: path))
    }

    /// One `sitegen build --quiet`, optionally sent `signal` after `delay` seconds.
    func build(killWith signal: Int32? = nil, after delay: TimeInterval = 0) throws -> Outcome {
        let running = try start()
        if let signal {
            Thread.sleep(forTimeInterval: delay)
            kill(running.0.processIdentifier, signal)
        }
        return finish(running)
    }

    /// Two builds started together.
    func buildTwiceAtOnce() throws -> (Outcome, Outcome) {
        let a = try start()
        let b = try start()
        return (finish(a), finish(b))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func start() throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        // --full: every build renders every page, so a build killed at a fraction of the first
        // build's duration is really killed halfway (an incremental one may already be done).
        process.arguments = ["build", "--quiet", "--full", "--source", source, "--output", output]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, pipe)
    }

    private func finish(_ running: (Process, Pipe)) -> Outcome {
        let data = running.1.fileHandleForReading.readDataToEndOfFile()
        running.0.waitUntilExit()
        return Outcome(status: running.0.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: "")
    }
}
