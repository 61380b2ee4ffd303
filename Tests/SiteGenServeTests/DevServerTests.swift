import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenServe

/// The whole dev server: port selection, the first build, bind errors and shutdown.
@Suite struct DevServerTests {
    /// Collects printed lines and lets a test wait for one.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        private var waiters: [(String, CheckedContinuation<String, Never>)] = []

        func append(_ line: String) {
            lock.lock()
            lines.append(line)
            let ready = waiters.filter { line.contains($0.0) }
            waiters.removeAll { line.contains($0.0) }
            lock.unlock()
            for waiter in ready { waiter.1.resume(returning: line) }
        }

        func first(containing text: String) async -> String {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let line = lines.first(where: { $0.contains(text) }) {
                    lock.unlock()
                    continuation.resume(returning: line)
                } else {
                    waiters.append((text, continuation))
                    lock.unlock()
                }
            }
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return lines
        }
    }

    static func siteFolder() throws -> URL {
        let folder = try TestSite.temporaryDirectory()
        try Data("title: t\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        return folder
    }

    @Test func portZeroPrintsTheRealPortAndRendersWithThatOrigin() async throws {
        let folder = try Self.siteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Lines()
        let options = ServeOptions(host: "127.0.0.1", port: 0, build: BuildOptions(sourceDirectory: folder.path))
        let server = DevServer(options: options, log: { lines.append($0) }) { build in
            TestSite.rendered([TestSite.page("index.html", "<a href=\"\(build.baseURLOverride ?? "none")guonei/\">国内</a>")])
        }
        let task = Task { try await server.run(shutdownSignals: []) }
        defer { task.cancel() }
        let line = await lines.first(containing: "Serving at ")
        let origin = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        let port = try #require(Int(origin.dropFirst("http://127.0.0.1:".count).dropLast()))
        #expect(port > 0)
        #expect(origin == "http://127.0.0.1:\(port)/")
        let page = try await RawHTTPClient.request("/", port: port)
        #expect(page.text.contains("href=\"http://127.0.0.1:\(port)/guonei/\""))
        #expect(!lines.all.contains { $0.contains("warning") })
        task.cancel()
        _ = try? await task.value
    }

    @Test func portAlreadyInUseIsAOneLineErrorSuggestingPort() async throws {
        let folder = try Self.siteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestSite.withServer(TestSite.rendered([])) { busyPort, _ in
            let options = ServeOptions(host: "127.0.0.1", port: busyPort, build: BuildOptions(sourceDirectory: folder.path))
            let server = DevServer(options: options, log: { _ in }) { _ in TestSite.rendered([]) }
            await #expect(throws: DevServerError.portInUse(host: "127.0.0.1", port: busyPort)) {
                try await server.run(shutdownSignals: [])
            }
            #expect(DevServerError.portInUse(host: "127.0.0.1", port: busyPort).description.contains("--port"))
        }
    }

    @Test func gracefulShutdownClosesLiveReloadStreamsAndReturns() async throws {
        let folder = try Self.siteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Lines()
        let options = ServeOptions(host: "127.0.0.1", port: 0, build: BuildOptions(sourceDirectory: folder.path))
        let server = DevServer(options: options, log: { lines.append($0) }) { _ in
            TestSite.rendered([TestSite.page("index.html", "home")])
        }
        let group = try server.makeServiceGroup(shutdownSignals: [])
        let task = Task { try await group.run() }
        let line = await lines.first(containing: "Serving at ")
        let port = try #require(Int(line.split(separator: ":")[2].prefix { $0.isNumber }))
        let events = try await EventStreamClient(port: port)
        try await events.waitFor(": connected")
        await group.triggerGracefulShutdown()
        try await events.waitForClose()
        try await task.value
    }

    @Test func aSourceChangeTriggersARebuildAndAReloadEvent() async throws {
        let folder = try Self.siteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Lines()
        let builds = Counter()
        let options = ServeOptions(host: "127.0.0.1", port: 0, build: BuildOptions(sourceDirectory: folder.path))
        let server = DevServer(options: options, log: { lines.append($0) }) { _ in
            let number = builds.increment()
            return TestSite.rendered([TestSite.page("index.html", "build \(number)")])
        }
        let task = Task { try await server.run(shutdownSignals: []) }
        defer { task.cancel() }
        let line = await lines.first(containing: "Serving at ")
        let port = try #require(Int(line.split(separator: ":")[2].prefix { $0.isNumber }))
        let events = try await EventStreamClient(port: port)
        try await events.waitFor(": connected")
        try Data("# 新闻\n".utf8).write(to: folder.appendingPathComponent("content/a.md"))
        try await events.waitFor("event: reload")
        let page = try await RawHTTPClient.request("/", port: port)
        #expect(page.text.contains("build 2"))
        #expect(await lines.first(containing: "Change detected").contains("content/a.md"))
        task.cancel()
        _ = try? await task.value
    }

    @Test(arguments: [("127.0.0.1", true), ("localhost", true), ("::1", true), ("0.0.0.0", false), ("192.168.1.5", false)])
    func onlyLoopbackHostsCountAsLocal(host: String, isLoopback: Bool) {
        #expect(DevServer.isLoopback(host) == isLoopback)
    }

    @Test func nonLoopbackHostLogsAWarning() async throws {
        let folder = try Self.siteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Lines()
        let options = ServeOptions(host: "0.0.0.0", port: 0, build: BuildOptions(sourceDirectory: folder.path))
        let server = DevServer(options: options, log: { lines.append($0) }) { _ in TestSite.rendered([]) }
        let task = Task { try await server.run(shutdownSignals: []) }
        let warning = await lines.first(containing: "warning:")
        #expect(warning.contains("0.0.0.0"))
        _ = await lines.first(containing: "Serving at ")
        task.cancel()
        _ = try? await task.value
    }

    @Test func ipv6OriginIsBracketed() {
        #expect(DevServer.origin(host: "::1", port: 8080) == "http://[::1]:8080/")
        #expect(DevServer.origin(host: "127.0.0.1", port: 0) == "http://127.0.0.1:0/")
    }
}

/// A thread-safe build counter for fake renderers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
