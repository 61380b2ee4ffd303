import Hummingbird
import Logging
import NIOCore

/// The HTTP side of the dev server: a Hummingbird application answering from ``SiteState``.
///
/// Separate from ``DevServer`` so tests can run it on port 0 with a fake site and learn the
/// bound port from `onRunning`.
struct SiteServer: Sendable {
    /// The interface to bind.
    var host: String
    /// The port to bind; 0 picks a free one.
    var port: Int
    /// The site being served.
    var state: SiteState
    /// How often the event stream sends a keep-alive comment.
    var pingInterval: Duration = .seconds(15)

    /// Builds the Hummingbird application; `onRunning` receives the real bound port.
    func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let responder = SiteResponder(state: state)
        let state = self.state
        let pingInterval = self.pingInterval
        let fallbackPort = port
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = .critical
        return Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                let target = request.head.path ?? "/"
                if request.uri.path == LiveReloadInjector.eventsPath {
                    return Self.eventStream(state: state, pingInterval: pingInterval)
                }
                let planned = await responder.respond(
                    method: request.method,
                    target: target,
                    ifNoneMatch: request.headers[.ifNoneMatch]
                )
                return planned.makeResponse()
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                await onRunning(channel.localAddress?.port ?? fallbackPort)
            },
            logger: logger
        )
    }

    /// A Server-Sent Events response that stays open, sending `reload` after every rebuild and a
    /// comment ping every `pingInterval`, until the client leaves or the server shuts down.
    static func eventStream(state: SiteState, pingInterval: Duration) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-cache",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let subscription = await state.subscribe()
            let pinger = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: pingInterval)
                    if Task.isCancelled { break }
                    subscription.continuation.yield(.ping)
                }
            }
            defer { pinger.cancel() }
            do {
                try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
                for await event in subscription.events {
                    try await writer.write(ByteBuffer(string: event.wireText))
                }
            } catch {
                // The browser went away; just forget it.
            }
            await state.unsubscribe(subscription.id)
            try? await writer.finish(nil)
        })
    }
}
