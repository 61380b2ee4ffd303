import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import SiteGen
import UnixSignals

/// `sitegen serve`: renders the site into memory, serves it with live reload, and rebuilds when
/// `site.yml`, `content/` or `themes/` change, until SIGINT or SIGTERM.
///
/// Nothing is written to the output folder (like `hugo server`); a failed rebuild keeps serving
/// the last good site and shows its errors in an overlay on every page.
public struct DevServer: Sendable {
    private let options: ServeOptions
    private let log: @Sendable (String) -> Void
    private let render: @Sendable (BuildOptions) async -> RenderedSite

    /// Creates a server that renders with ``SiteBuilder/render(_:)`` and prints with `log`.
    ///
    /// Each render runs on a thread of its own: it is long, synchronous work, and on Linux the
    /// Dispatch global queues share their thread limit with the pool that answers requests.
    public init(options: ServeOptions, log: @escaping @Sendable (String) -> Void) {
        self.init(options: options, log: log) { buildOptions in
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: SiteBuilder.render(buildOptions))
                }
                thread.name = "sitegen-render"
                thread.start()
            }
        }
    }

    /// Creates a server with another renderer (tests feed it fake sites).
    init(options: ServeOptions, log: @escaping @Sendable (String) -> Void, render: @escaping @Sendable (BuildOptions) async -> RenderedSite) {
        self.options = options
        self.log = log
        self.render = render
    }

    /// Builds, prints `Serving at http://HOST:PORT/`, then serves and rebuilds until SIGINT or
    /// SIGTERM. Throws ``DevServerError`` when the port is taken or the site cannot be watched.
    public func run() async throws {
        try await run(shutdownSignals: [.sigterm, .sigint])
    }

    /// ``run()`` with a chosen set of shutdown signals (tests use none and cancel or trigger
    /// graceful shutdown themselves).
    func run(shutdownSignals: [UnixSignal]) async throws {
        if !Self.isLoopback(options.host) {
            log("warning: listening on \(options.host) exposes the preview (and your drafts) to the network; use --host 127.0.0.1 to keep it local")
        }
        let group = try makeServiceGroup(shutdownSignals: shutdownSignals)
        do {
            try await group.run()
        } catch {
            throw Self.explain(error, host: options.host, port: options.port)
        }
    }

    /// The HTTP server and the rebuild loop in one service group, stopped together.
    func makeServiceGroup(shutdownSignals: [UnixSignal]) throws -> ServiceGroup {
        let buildOptions = options.build
        let outputDirectory = URL(fileURLWithPath: buildOptions.outputDirectory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).path
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(root: buildOptions.sourceDirectory, ignoredDirectories: [outputDirectory])
        } catch {
            throw DevServerError.cannotWatch(error.description)
        }
        let state = SiteState()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = SiteServer(host: options.host, port: options.port, state: state).makeApplication { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let render = self.render
        let host = options.host
        let rebuild = RebuildService(
            state: state,
            render: { origin in
                var options = buildOptions
                options.baseURLOverride = origin
                return await render(options)
            },
            boundPort: ports,
            changes: watcher.changes,
            origin: { port in Self.origin(host: host, port: port) },
            log: log,
            onShutdown: { watcher.stop() }
        )
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = .error
        var configuration = ServiceGroupConfiguration(
            services: [application, rebuild],
            gracefulShutdownSignals: shutdownSignals,
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        return ServiceGroup(configuration: configuration)
    }

    /// `http://HOST:PORT/`, with brackets around an IPv6 literal.
    static func origin(host: String, port: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    /// Whether `host` only accepts connections from this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Turns NIO's bind failures into one-line ``DevServerError``s.
    static func explain(_ error: any Error, host: String, port: Int) -> any Error {
        if let ioError = error as? IOError {
            if ioError.errnoCode == EADDRINUSE { return DevServerError.portInUse(host: host, port: port) }
            if ioError.errnoCode == EADDRNOTAVAIL || ioError.errnoCode == EACCES {
                return DevServerError.cannotBind(host: host, port: port, reason: String(cString: strerror(ioError.errnoCode)))
            }
        }
        if error is SocketAddressError {
            return DevServerError.cannotBind(host: host, port: port, reason: "unknown host")
        }
        return error
    }
}
