/// One message on the live-reload event stream.
enum ServerSentEvent: Sendable, Equatable {
    /// The site was rebuilt (successfully or not): pages should reload.
    case reload
    /// A comment that keeps proxies and the browser from timing the stream out.
    case ping

    /// The wire form, including the blank line that ends an event.
    var wireText: String {
        switch self {
        case .reload: "event: reload\ndata: {}\n\n"
        case .ping: ": ping\n\n"
        }
    }
}
