import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenCore

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
        #expect(try harness.build().status == 0)
        // The reference is a warm rebuild of a changed site: what the killed builds below do.
        try harness.modifySite(number: 0)
        let start = Date()
        let first = try harness.build()
        let duration = Date().timeIntervalSince(start)
        #expect(first.status == 0, "\(first.stderr)")
        var built = try TreeHash.of(harness.output)

        var sawStaging = false
        var interrupted = 0
        var keptOld = 0
        // A fraction of the reference lands in load/render on a quiet machine; `nil` waits until
        // the staging tree appears, so the signal lands while files are being staged.
        let plan: [(Int32, Double?)] = [(SIGKILL, 0.4), (SIGKILL, nil), (SIGINT, nil), (SIGTERM, nil), (SIGTERM, 0.4)]
        for (number, (signal, fraction)) in plan.enumerated() {
            try harness.modifySite(number: number + 1)
            let outcome = try harness.build(killWith: signal, after: fraction.map { duration * $0 })
            let leftovers = try TreeHash.leftovers(next: harness.output)
            sawStaging = sawStaging || !leftovers.isEmpty
            if outcome.status == 0 {
                // The build won the race against the signal: the output is the new, whole site.
                built = try TreeHash.of(harness.output)
                continue
            }
            interrupted += 1
            let after = try TreeHash.of(harness.output)
            if after == built {
                keptOld += 1
                continue
            }
            // Killed after the swap, while deleting the old tree: the output must then be the
            // new site, whole — exactly what a clean rebuild of the same sources gives.
            #expect(try harness.build().status == 0)
            #expect(try TreeHash.of(harness.output) == after, "signal \(signal) at \(fraction) left a partial output")
            built = after
        }
        #expect(keptOld > 0)
        try harness.modifySite(number: 99)
        let next = try harness.build()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try TreeHash.of(harness.output) != built)
        #expect(try TreeHash.leftovers(next: harness.output).isEmpty)
        // Whatever the kills left beside the output (an untrusted spare tree), the site now in
        // it is exactly a clean build of the same sources.
        let clean = harness.root + "/clean"
        #expect(try harness.build(output: clean).status == 0)
        #expect(try TreeHash.of(harness.output, skipping: [".sitegen-manifest"]) == TreeHash.of(clean, skipping: [".sitegen-manifest"]))
        print("killed-build test: reference build \(String(format: "%.2f", duration)) s, \(interrupted) of 5 interrupted, \(keptOld) before the swap, staging leftover seen: \(sawStaging)")
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
    static func of(_ path: String, skipping skipped: Set<String> = []) throws -> TreeHash {
        var hasher = ContentHash()
        var files = 0
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return TreeHash(digest: 0, files: 0) }
        let entries = (manager.subpaths(atPath: path) ?? []).sorted()
        for relative in entries where !skipped.contains(relative) {
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

    /// Adds (or rewrites) one article so the next build differs from the last.
    func modifySite(number: Int = 0) throws {
        let path = source + "/content/guonei/zz-added.md"
        try Data(HostileSite.article(title: "新增第\(number)篇").utf8).write(to: URL(fileURLWithPath: path))
    }

    /// One `sitegen build --quiet`, optionally sent `signal` after `delay` seconds or, when
    /// `delay` is `nil`, as soon as it starts changing files beside the output: its staging tree
    /// exists, or the spare tree's record is gone (the spare is being brought up to date).
    func build(killWith signal: Int32? = nil, after delay: TimeInterval? = 0, output: String? = nil) throws -> Outcome {
        let running = try start(output: output ?? self.output)
        if let signal {
            if let delay {
                Thread.sleep(forTimeInterval: delay)
            } else {
                let staging = root + "/.public.sitegen-staging-\(running.0.processIdentifier)"
                let spareRecord = root + "/.public.sitegen-spare-record"
                let hadRecord = FileManager.default.fileExists(atPath: spareRecord)
                while running.0.isRunning && !FileManager.default.fileExists(atPath: staging)
                    && !(hadRecord && !FileManager.default.fileExists(atPath: spareRecord)) {
                    Thread.sleep(forTimeInterval: 0.002)
                }
            }
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

    private func start(output: String? = nil) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["build", "--quiet", "--source", source, "--output", output ?? self.output]
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
