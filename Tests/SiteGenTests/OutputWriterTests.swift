import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import SiteGen
@testable import SiteGenCore

/// A temporary folder holding a site's source folder and its output folder.
private final class OutputSandbox {
    let root: String
    let source: String
    let output: String

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/sitegen-output-tests-" + UUID().uuidString
        source = root + "/site"
        output = root + "/public"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func writer() -> OutputWriter {
        var writer = OutputWriter(outputDirectory: output, sourceDirectory: source)
        writer.flushBeforeSwap = false
        return writer
    }

    @discardableResult
    func write(_ files: [String: String]) throws -> WriteReport {
        try writer().write(files.map { OutputFile(path: $0.key, text: $0.value) })
    }

    func put(_ relativePath: String, _ text: String, under base: String? = nil) throws {
        let path = (base ?? output) + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: output + "/" + relativePath).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every entry in the output: relative path → (inode, mtime, bytes). Folders are recreated
    /// by every build, so only their existence is recorded.
    func snapshot() -> [String: FileIdentity] {
        var result: [String: FileIdentity] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: output) else { return result }
        for case let relative as String in enumerator {
            let path = output + "/" + relative
            var raw = stat()
            guard lstat(path, &raw) == 0 else { continue }
            let isDirectory = (raw.st_mode & S_IFMT) == S_IFDIR
            result[relative] = isDirectory
                ? FileIdentity(inode: 0, seconds: 0, nanoseconds: 0, bytes: nil)
                : FileIdentity(
                    inode: UInt64(raw.st_ino), seconds: Int64(raw.st_mtim.tv_sec), nanoseconds: Int64(raw.st_mtim.tv_nsec),
                    bytes: FileManager.default.contents(atPath: path))
        }
        return result
    }

    /// Names in the folder that holds the output, other than the site and the output.
    func siblings() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0 != "site" && $0 != "public" }.sorted()
    }
}

private struct FileIdentity: Equatable {
    var inode: UInt64
    var seconds: Int64
    var nanoseconds: Int64
    var bytes: Data?
}

private let sampleSite = [
    "index.html": "<h1>首页</h1>",
    "guonei/index.html": "<h1>国内</h1>",
    "guonei/2024/0710/shuiku.html": "<p>水库</p>",
    "rss.xml": "<rss/>",
]

@Test func firstWriteCreatesTheWholeTreeAndAManifest() throws {
    let sandbox = try OutputSandbox()
    var report = try sandbox.write(sampleSite)
    // The write reports the hash of the manifest it left, as a fresh check of the output finds it.
    #expect(report.manifestHash != nil)
    #expect(report.manifestHash == sandbox.writer().intactManifestHash())
    report.manifestHash = nil
    #expect(report == WriteReport(written: 4, linkedUnchanged: 0, removed: 0, carriedOver: 0))
    for (path, text) in sampleSite {
        #expect(sandbox.read(path) == text)
    }
    let manifest = try #require(sandbox.read(OutputManifest.fileName))
    #expect(manifest.hasPrefix("sitegen-manifest 3\n"))
    #expect(manifest.contains("\tguonei/2024/0710/shuiku.html\n"))
    // No spare tree yet: the next write that changes something links one from the output.
    #expect(sandbox.siblings() == [".public.sitegen-lock", ".public.sitegen-spare-record"])
}

@Test func rewritingTheSameFilesKeepsEveryInodeAndModificationTime() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    let before = sandbox.snapshot()
    var report = try sandbox.write(sampleSite)
    #expect(report.manifestHash == sandbox.writer().intactManifestHash())
    report.manifestHash = nil
    #expect(report == WriteReport(written: 0, linkedUnchanged: 4, removed: 0, carriedOver: 0))
    let after = sandbox.snapshot()
    for path in sampleSite.keys + [OutputManifest.fileName] {
        #expect(after[path] != nil)
        #expect(after[path] == before[path], "\(path) changed")
    }
}

@Test func changingOneFileRewritesOnlyThatFile() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    let before = sandbox.snapshot()
    var changed = sampleSite
    changed["guonei/index.html"] = "<h1>国内新闻</h1>"
    let report = try sandbox.write(changed)
    #expect(report.written == 1)
    #expect(report.linkedUnchanged == 3)
    let after = sandbox.snapshot()
    #expect(sandbox.read("guonei/index.html") == "<h1>国内新闻</h1>")
    #expect(after["guonei/index.html"]?.inode != before["guonei/index.html"]?.inode)
    for path in ["index.html", "guonei/2024/0710/shuiku.html", "rss.xml"] {
        #expect(after[path] == before[path], "\(path) changed")
    }
}

@Test func fileNoLongerProducedIsRemovedWithItsEmptyFolders() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    var smaller = sampleSite
    smaller["guonei/2024/0710/shuiku.html"] = nil
    let report = try sandbox.write(smaller)
    #expect(report.removed == 1)
    #expect(sandbox.read("guonei/2024/0710/shuiku.html") == nil)
    #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/guonei/2024"))
    #expect(sandbox.read("guonei/index.html") == "<h1>国内</h1>")
}

@Test func filesSitegenDidNotWriteSurviveEveryBuild() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    try sandbox.put("CNAME", "news.example.cn")
    try sandbox.put(".git/config", "[core]")
    try sandbox.put("guonei/verify.txt", "token")
    try FileManager.default.createDirectory(atPath: sandbox.output + "/.well-known", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: sandbox.output + "/latest", withDestinationPath: "index.html")
    let foreign = ["CNAME", ".git/config", "guonei/verify.txt", ".well-known", "latest"]
    let before = sandbox.snapshot()

    var changed = sampleSite
    changed["guonei/index.html"] = nil
    changed["new.html"] = "new"
    for round in 0..<2 {
        let report = try sandbox.write(changed)
        if round == 0 {
            #expect(report.carriedOver == foreign.count)
        } else {
            // Nothing changed: the output folder is left alone, foreign files included.
            #expect(report.written == 0 && report.removed == 0)
        }
        let after = sandbox.snapshot()
        for path in foreign {
            #expect(after[path] != nil && after[path] == before[path], "\(path) was not kept")
        }
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.output + "/latest") == "index.html")
}

@Test func copiedFilesAreLinkedWhenTheSourceIsUnchangedAndNeverLinkedToTheSource() throws {
    let sandbox = try OutputSandbox()
    try sandbox.put("static/logo.svg", "<svg/>", under: sandbox.source)
    let sourcePath = sandbox.source + "/static/logo.svg"
    let files = [OutputFile(path: "static/logo.svg", contents: .copy(from: sourcePath))]
    let writer = sandbox.writer()

    #expect(try writer.write(files).written == 1)
    let first = try #require(sandbox.snapshot()["static/logo.svg"])
    var sourceStat = stat()
    lstat(sourcePath, &sourceStat)
    #expect(first.inode != UInt64(sourceStat.st_ino))

    #expect(try writer.write(files).linkedUnchanged == 1)
    // Same bytes, new mtime (a fresh checkout): still recognised as unchanged.
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: sourcePath)
    #expect(try writer.write(files).linkedUnchanged == 1)
    #expect(sandbox.snapshot()["static/logo.svg"] == first)

    try sandbox.put("static/logo.svg", "<svg>2</svg>", under: sandbox.source)
    #expect(try writer.write(files).written == 1)
    #expect(sandbox.read("static/logo.svg") == "<svg>2</svg>")
}

@Test func outputFileEditedByHandIsWrittenAgain() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    try sandbox.put("rss.xml", "<RSS/>")
    let report = try sandbox.write(sampleSite)
    #expect(report.written == 1)
    #expect(sandbox.read("rss.xml") == "<rss/>")
}

@Test func failureMidwayLeavesThePreviousOutputIdenticalAndNoStagingTree() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    try sandbox.put("CNAME", "news.example.cn")
    let before = sandbox.snapshot()
    var files = sampleSite.map { OutputFile(path: $0.key, text: $0.value + " v2") }
    files.insert(OutputFile(path: "a/missing.jpg", contents: .copy(from: sandbox.source + "/missing.jpg")), at: 2)
    #expect(throws: OutputError.self) { try sandbox.writer().write(files) }
    #expect(sandbox.snapshot() == before)
    #expect(sandbox.siblings() == [".public.sitegen-lock"])  // the failed write dropped the spare it had started to change
}

@Test func leftoverStagingTreesAreRemovedButLookalikesAreKept() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    try sandbox.put("x/junk.html", "junk", under: sandbox.root + "/.public.sitegen-staging-99999")
    try sandbox.put("keep", "keep", under: sandbox.root + "/.public.sitegen-staging-notes")
    try sandbox.write(sampleSite)
    #expect(sandbox.siblings() == [".public.sitegen-lock", ".public.sitegen-spare-record", ".public.sitegen-staging-notes"])
}

@Test func secondWriterFailsWhileTheLockIsHeld() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    let lock = try OutputLock(outputDirectory: sandbox.output)
    let error = #expect(throws: OutputError.self) { try sandbox.write(["index.html": "changed"]) }
    #expect(error?.description == "another sitegen build is writing \(sandbox.output) (pid \(getpid()))")
    #expect(sandbox.read("index.html") == "<h1>首页</h1>")
    lock.release()
    try sandbox.write(["index.html": "changed"])
    #expect(sandbox.read("index.html") == "changed")
}

@Test(arguments: [
    ("/etc/passwd", "absolute"),
    ("a/../../escape.html", ".. segment"),
    ("..", ".. segment"),
    ("a//b.html", "empty segment"),
    ("folder/", "empty segment"),
    ("", "empty"),
    ("./index.html", ". segment"),
    ("a\\b.html", "backslash"),
    ("a\u{0}b.html", "NUL"),
    ("a\nb.html", "control character"),
])
func unsafePathIsRejectedBeforeAnythingIsWritten(path: String, reason: String) throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    let before = sandbox.snapshot()
    var files = sampleSite.map { OutputFile(path: $0.key, text: "changed") }
    files.append(OutputFile(path: path, text: "x"))
    let error = #expect(throws: OutputError.self) { try sandbox.writer().write(files) }
    guard case .unsafePath(let reported, let why) = error else {
        Issue.record("unexpected error \(String(describing: error))")
        return
    }
    #expect(reported == path)
    #expect(why.contains(reason))
    #expect(sandbox.snapshot() == before)
}

@Test func ambiguousFileSetsAreRejected() throws {
    let sandbox = try OutputSandbox()
    let cases: [([String], OutputError)] = [
        (["a.html", "a.html"], .duplicatePath("a.html")),
        (["news", "news/index.html"], .fileAndFolder("news")),
        ([".sitegen-manifest"], .reservedPath(".sitegen-manifest")),
    ]
    for (paths, expected) in cases {
        #expect(throws: expected) { try sandbox.writer().write(paths.map { OutputFile(path: $0, text: "x") }) }
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.output))
}

@Test func writePlanListsEveryFolderWhateverTheFileOrder() throws {
    let paths = ["index.html", "a/b/c/1.html", "a/b/c/2.html", "a/x.html", "a/b/c/d/3.html", "z/4.html", "a/b/5.html"]
    let expected: Set<BytePath> = ["a", "a/b", "a/b/c", "a/b/c/d", "z"].map { BytePath($0) }.reduce(into: []) { $0.insert($1) }
    for order in [paths, paths.sorted(), paths.reversed()] {
        let plan = try WritePlan(order.map { OutputFile(path: $0, text: "x") })
        #expect(plan.directories == expected, "\(order)")
    }
    #expect(BytePath("a/b/1.html").hasSameFolder(as: BytePath("a/b/2.html")))
    #expect(BytePath("1.html").hasSameFolder(as: BytePath("2.html")))
    #expect(!BytePath("a/b/1.html").hasSameFolder(as: BytePath("a/c/1.html")))
    #expect(!BytePath("a/1.html").hasSameFolder(as: BytePath("a/b/1.html")))
    #expect(!BytePath("ab/1.html").hasSameFolder(as: BytePath("a/b1.html")))
}

@Test func foreignFileInTheWayOfANewFolderStopsTheWrite() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    try sandbox.put("news", "someone's notes")
    let before = sandbox.snapshot()
    let error = #expect(throws: OutputError.self) { try sandbox.write(["news/index.html": "x"]) }
    #expect(error?.description.contains("/public/news, which sitegen did not write") == true)
    #expect(sandbox.snapshot() == before)
}

@Test func dangerousOutputFoldersAreRefusedBeforeAnythingChanges() throws {
    let sandbox = try OutputSandbox()
    try sandbox.put("site.yml", "title: x", under: sandbox.root + "/othersite")
    try sandbox.put("plain-file", "x", under: sandbox.root)
    try FileManager.default.createSymbolicLink(atPath: sandbox.root + "/link", withDestinationPath: sandbox.root + "/othersite")
    let home = String(cString: getenv("HOME"))
    let cases: [(output: String, source: String, expected: OutputError)] = [
        (sandbox.source, sandbox.source, .outputContainsSource(output: sandbox.source, source: sandbox.source)),
        (sandbox.root, sandbox.source, .outputContainsSource(output: sandbox.root, source: sandbox.source)),
        (sandbox.root + "/othersite", sandbox.source, .outputLooksLikeSource(output: sandbox.root + "/othersite", found: "site.yml")),
        ("/", sandbox.source, .outputIsRoot),
        (home, sandbox.source, .outputIsHome(SystemCalls.realPath(home) ?? home)),
        (sandbox.root + "/plain-file", sandbox.source, .outputIsFile(sandbox.root + "/plain-file")),
        (sandbox.root + "/link", sandbox.source, .outputIsSymlink(sandbox.root + "/link")),
    ]
    let before = try FileManager.default.contentsOfDirectory(atPath: sandbox.root).sorted()
    for refusal in cases {
        let writer = OutputWriter(outputDirectory: refusal.output, sourceDirectory: refusal.source)
        #expect(throws: refusal.expected) { try writer.write([OutputFile(path: "index.html", text: "x")]) }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root).sorted() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/othersite") == ["site.yml"])
}

@Test func manifestRoundTripsAndContentHashIgnoresHowBytesAreSplit() throws {
    let entries = [
        ManifestEntry(path: BytePath("a b/c.html"), size: 3, hash: 0xABC, modified: FileTimestamp(seconds: 5, nanoseconds: 7), source: nil, fingerprint: 0x1234),
        ManifestEntry(path: BytePath("img/x.jpg"), size: 9, hash: .max, modified: FileTimestamp(seconds: 1, nanoseconds: 999_999_999),
                      source: .init(path: BytePath("/src/x\t.jpg"), size: 9, modified: FileTimestamp(seconds: 2, nanoseconds: 0))),
    ]
    var withKeys = entries
    withKeys[0].fingerprint = 7
    withKeys[0].inputKey = .max
    let manifest = OutputManifest(withKeys)
    let parsed = try OutputManifest(parsing: manifest.serialized(), path: "m")
    #expect(parsed.entries == manifest.entries)
    for time in [FileTimestamp(seconds: 1_795_934_684, nanoseconds: 912_469_632), FileTimestamp(seconds: -5, nanoseconds: 7), FileTimestamp(seconds: 0, nanoseconds: 0)] {
        var bytes: [UInt8] = []
        time.append(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == time.description)
        #expect(FileTimestamp(parsing: bytes) == time)
    }
    for number: Int64 in [0, 7, -7, 1_000_000, .max, .min] {
        var bytes: [UInt8] = []
        bytes.appendDecimal(number)
        #expect(String(decoding: bytes, as: UTF8.self) == String(number))
    }
    for value: UInt64 in [0, 255, .max] {
        var bytes: [UInt8] = []
        bytes.appendHex16(value)
        #expect(String(decoding: bytes, as: UTF8.self) == String(repeating: "0", count: 16 - String(value, radix: 16).count) + String(value, radix: 16))
    }
    for broken in ["", "1", "1.5", ".000000000", "1.0000000000", "1.00000000x", "--1.000000000", "1.-00000000"] {
        #expect(FileTimestamp(parsing: Array(broken.utf8)) == nil, "\(broken)")
    }
    // A manifest of the previous format (no input keys) is still read: its files stay sitegen's.
    let previousFormat = try OutputManifest(
        parsing: Array("sitegen-manifest 2\n9\t00000000000000ff\t1.000000000\t-\ta b.html\n".utf8), path: "m")
    #expect(previousFormat.entries[BytePath("a b.html")]?.hash == 255)
    #expect(previousFormat.entries[BytePath("a b.html")]?.inputKey == nil)
    #expect(throws: OutputError.damagedManifest(path: "m", line: 2)) {
        try OutputManifest(parsing: Array("sitegen-manifest 2\nbroken\n".utf8), path: "m")
    }
    let good = "9\t00000000000000ff\t1.000000000\t-\t-\ta.html"
    for broken in [
        "9\t00000000000000ff\t1.000000000\t-\t-\t", "9\t00000000000000ff\t1.000000000\t-\t-", "9\t00000000000000ff\t1.000000000\t-\t-\ta.html\t3",
        "9\t00000000000000ff\t1.000000000\t-\t-\ta.html\t3\t1.000000000\t", "x\t00000000000000ff\t1.000000000\t-\t-\ta.html",
        "9\t0ff\t1.000000000\t-\t-\ta.html", "9\t00000000000000ff\t1.000000000\t-\t-\t\t3\t1.000000000\t/src/a",
    ] {
        #expect(throws: OutputError.damagedManifest(path: "m", line: 3), "\(broken)") {
            try OutputManifest(parsing: Array("sitegen-manifest 3\n\(good)\n\(broken)\n".utf8), path: "m")
        }
    }
    // A path listed twice (a hand-edited manifest): the first line counts.
    let twice = try OutputManifest(parsing: Array("sitegen-manifest 3\n\(good)\n\(good.replacingOccurrences(of: "9", with: "8"))\n".utf8), path: "m")
    #expect(twice.entries.count == 1 && twice.entries[BytePath("a.html")]?.size == 9)

    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    let whole = ContentHash.of(bytes)
    for split in [1, 3, 7, 8, 9, 31, 32, 33, 50, 64, 97, 299] {
        var hash = ContentHash()
        bytes[..<split].withUnsafeBytes { hash.update($0) }
        bytes[split...].withUnsafeBytes { hash.update($0) }
        #expect(hash.finalize() == whole)
    }
    var byByte = ContentHash()
    for byte in bytes { [byte].withUnsafeBytes { byByte.update($0) } }
    #expect(byByte.finalize() == whole)
    #expect(ContentHash.of(Array(bytes[..<64])) != ContentHash.of(Array(bytes[..<32] + bytes[32..<64].reversed())))
    #expect(ContentHash.of([1, 2]) != ContentHash.of([2, 1]))
    #expect(ContentHash.of([]) != ContentHash.of([0]))
}

// MARK: The spare tree

/// The inode of a folder (to see which tree an exchange put where).
private func folderInode(_ path: String) -> UInt64? {
    var raw = stat()
    return lstat(path, &raw) == 0 ? UInt64(raw.st_ino) : nil
}

@Test func smallChangesArePublishedThroughTheSpareTreeAndEqualAFreshWrite() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    try sandbox.put("CNAME", "news.example.cn")
    var site = sampleSite
    site["index.html"] = "<h1>首页一</h1>"
    try sandbox.write(site)  // a foreign file appeared: a whole tree is staged once
    let spare = sandbox.root + "/.public.sitegen-spare"
    let steps: [(String, (inout [String: String]) -> Void)] = [
        ("change a page", { $0["guonei/index.html"] = "<h1>国内新闻</h1>" }),
        ("add a page in a new folder", { $0["fazhi/2024/0711/anjian.html"] = "<p>案件</p>" }),
        ("remove a page and its folders", { $0["guonei/2024/0710/shuiku.html"] = nil }),
        ("add it back", { $0["guonei/2024/0710/shuiku.html"] = "<p>水库二</p>" }),
        ("change nothing but one byte", { $0["rss.xml"] = "<rss />" }),
    ]
    for (name, change) in steps {
        change(&site)
        let before = sandbox.snapshot()
        let spareInode = try #require(folderInode(spare), "no spare before: \(name)")

        let report = try sandbox.write(site)
        // The spare became the output (one exchange), the old output the next spare.
        #expect(folderInode(sandbox.output) == spareInode, "\(name): not written through the spare")
        #expect(report.written == 1 || name.hasPrefix("remove"), "\(name)")
        let after = sandbox.snapshot()
        for (path, text) in site {
            #expect(sandbox.read(path) == text, "\(name): \(path)")
            if sampleSite[path] == text, path != "index.html", before[path] != nil {
                #expect(after[path] == before[path], "\(name): unchanged \(path) was rewritten")
            }
        }
        #expect(after["CNAME"] == before["CNAME"], "\(name): foreign file not kept")
        let fresh = try OutputSandbox()
        try fresh.put("CNAME", "news.example.cn")
        try fresh.write(site)
        #expect(Set(after.keys).subtracting([OutputManifest.fileName]) == Set(fresh.snapshot().keys).subtracting([OutputManifest.fileName]), "\(name): different entries than a fresh write")
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/guonei/2024/0710/shuiku.html.tmp"))
}

@Test func foreignFilesAddedBetweenWritesAreNeverLostThroughTheSpare() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    var site = sampleSite
    for round in 0..<3 {
        try sandbox.put("guonei/2024/verify-\(round).txt", "token \(round)")
        site["index.html"] = "<h1>首页 \(round)</h1>"
        try sandbox.write(site)
        site["rss.xml"] = "<rss>\(round)</rss>"
        try sandbox.write(site)  // through the spare, which must have caught up with the new file
        for earlier in 0...round {
            #expect(sandbox.read("guonei/2024/verify-\(earlier).txt") == "token \(earlier)", "round \(round)")
        }
    }
}

@Test func spareLeftByAKilledWriteIsNotTrusted() throws {
    let sandbox = try OutputSandbox()
    try sandbox.write(sampleSite)
    var site = sampleSite
    site["index.html"] = "<h1>首页二</h1>"
    try sandbox.write(site)
    // A write killed while changing the spare: its record is gone, the spare half-changed.
    let spare = sandbox.root + "/.public.sitegen-spare"
    try FileManager.default.removeItem(atPath: sandbox.root + "/.public.sitegen-spare-record")
    try sandbox.put("junk.html", "half-written", under: spare)
    try FileManager.default.removeItem(atPath: spare + "/rss.xml")
    site["guonei/index.html"] = "<h1>国内三</h1>"
    try sandbox.write(site)
    #expect(sandbox.read("junk.html") == nil)
    for (path, text) in site { #expect(sandbox.read(path) == text) }
    // And the spare is trusted again from then on.
    site["rss.xml"] = "<rss>4</rss>"
    let spareInode = folderInode(spare)
    try sandbox.write(site)
    #expect(folderInode(sandbox.output) == spareInode)
    for (path, text) in site { #expect(sandbox.read(path) == text) }
}
