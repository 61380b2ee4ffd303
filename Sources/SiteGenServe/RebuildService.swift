import Foundation
import ServiceLifecycle
import SiteGen

/// Builds the site once the server knows its port, then rebuilds on every batch of file
/// changes until graceful shutdown, when it closes the live-reload streams.
///
/// A `Service` so it shuts down with the HTTP server in one `ServiceGroup`: it is listed after
/// the server, so it stops first and no event stream keeps the server's shutdown waiting.
struct RebuildService: Service {
    /// The served site.
    let state: SiteState
    /// Renders the site for the given origin (`http://127.0.0.1:8080/`).
    let render: @Sendable (_ origin: String) async -> RenderedSite
    /// Yields the bound port once the server runs.
    let boundPort: AsyncStream<Int>
    /// Batches of changed source paths.
    let changes: AsyncStream<[String]>
    /// Builds the origin URL from the bound port.
    let origin: @Sendable (Int) -> String
    /// Prints a line to the terminal.
    let log: @Sendable (String) -> Void
    /// Called once shutdown begins (stops the file watcher).
    let onShutdown: @Sendable () -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.buildAndWatch()
        }
        await state.closeEventStreams()
        onShutdown()
    }

    private func buildAndWatch() async {
        var ports = boundPort.makeAsyncIterator()
        guard let port = await ports.next() else { return }
        let origin = self.origin(port)
        await rebuild(origin: origin, reason: nil)
        log("Serving at \(origin) (press Ctrl-C to stop)")
        for await batch in changes {
            if Task.isCancelled { break }
            await rebuild(origin: origin, reason: batch)
        }
    }

    private func rebuild(origin: String, reason: [String]?) async {
        if let reason {
            let first = reason.first ?? "."
            log("Change detected: \(first)" + (reason.count > 1 ? " and \(reason.count - 1) more" : ""))
        }
        let started = ContinuousClock.now
        let rendered = await render(origin)
        let outcome = await state.apply(rendered)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        for warning in outcome.warnings { log(warning.rendered) }
        if outcome.succeeded {
            log("Built \(outcome.fileCount) files in \(milliseconds) ms")
        } else {
            for error in outcome.errors { log(error.rendered) }
            let count = outcome.errors.count
            log("Build failed with \(count) error\(count == 1 ? "" : "s"); still serving the last good site")
        }
    }
}
