import Foundation
@testable import SiteGen
@testable import SiteGenServe
import SiteGenCore

/// Builders for fake rendered sites and a running server on a free loopback port.
enum TestSite {
    static func rendered(_ files: [OutputFile], errors: [Diagnostic] = []) -> RenderedSite {
        RenderedSite(files: files, diagnostics: Diagnostics(errors), stats: BuildStats())
    }

    static func page(_ path: String, _ body: String) -> OutputFile {
        OutputFile(path: path, text: "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>\(body)</body></html>\n")
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// Runs a ``SiteServer`` for `site` on 127.0.0.1 with a system-chosen port during `body`.
    static func withServer(
        _ site: RenderedSite,
        pingInterval: Duration = .seconds(15),
        _ body: (_ port: Int, _ state: SiteState) async throws -> Void
    ) async throws {
        let state = SiteState()
        await state.apply(site)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = SiteServer(host: "127.0.0.1", port: 0, state: state, pingInterval: pingInterval).makeApplication { port in
            continuation.yield(port)
        }
        let task = Task {
            defer { continuation.finish() }
            try await application.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw RawHTTPError(description: "server did not start")
        }
        do {
            try await body(port, state)
        } catch {
            task.cancel()
            _ = try? await task.value
            throw error
        }
        task.cancel()
        _ = try? await task.value
    }
}
