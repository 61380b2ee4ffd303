import SiteGen
import SiteGenCore

/// The one place that holds the served site, the latest diagnostics and the live-reload
/// subscribers.
///
/// An actor so that a rebuild swaps the whole site at once: a request never sees half of an old
/// build and half of a new one.
actor SiteState {
    /// What a rebuild changed, for the terminal message.
    struct RebuildOutcome: Sendable {
        /// Whether the new build replaced the served site.
        var succeeded: Bool
        /// The errors that kept it from replacing the site.
        var errors: [Diagnostic]
        /// Warnings of the build (printed, not shown in the overlay).
        var warnings: [Diagnostic]
        /// How many files are being served after the rebuild.
        var fileCount: Int
    }

    private var snapshot = SiteSnapshot()
    private var subscribers: [Int: AsyncStream<ServerSentEvent>.Continuation] = [:]
    private var nextSubscriberID = 0
    private var isClosed = false

    /// The site as it is now.
    func current() -> SiteSnapshot { snapshot }

    /// Takes a freshly rendered site: serves it when it has no errors, otherwise keeps the last
    /// good files and records the errors for the overlay. Tells every page to reload either way.
    @discardableResult
    func apply(_ rendered: RenderedSite) -> RebuildOutcome {
        let errors = rendered.diagnostics.sorted.filter { $0.severity == .error }
        let warnings = rendered.diagnostics.sorted.filter { $0.severity == .warning }
        if errors.isEmpty {
            var files: [String: OutputFile] = [:]
            for file in rendered.files { files[file.path] = file }
            snapshot.files = files
        }
        snapshot.errors = errors
        snapshot.hasBuilt = true
        broadcast(.reload)
        return RebuildOutcome(succeeded: errors.isEmpty, errors: errors, warnings: warnings, fileCount: snapshot.files.count)
    }

    /// A stream of events for one browser tab; it ends when the server shuts down.
    func subscribe() -> (id: Int, events: AsyncStream<ServerSentEvent>, continuation: AsyncStream<ServerSentEvent>.Continuation) {
        let (events, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(16))
        let id = nextSubscriberID
        nextSubscriberID += 1
        if isClosed {
            continuation.finish()
        } else {
            subscribers[id] = continuation
        }
        return (id, events, continuation)
    }

    /// Forgets a tab whose connection ended.
    func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    /// Ends every event stream so that graceful shutdown does not wait on open connections.
    func closeEventStreams() {
        isClosed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func broadcast(_ event: ServerSentEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}
