/// Failures of `sitegen serve` worth a one-line message instead of a stack of NIO errors.
public enum DevServerError: Error, CustomStringConvertible, Equatable {
    /// Another process already listens on the port.
    case portInUse(host: String, port: Int)
    /// The host name cannot be bound (unknown name or not a local address).
    case cannotBind(host: String, port: Int, reason: String)
    /// inotify could not be set up for the site folder.
    case cannotWatch(String)

    /// The message printed by the CLI.
    public var description: String {
        switch self {
        case let .portInUse(host, port):
            "error: port \(port) on \(host) is already in use; choose another with --port (or --port 0 for any free port)"
        case let .cannotBind(host, port, reason):
            "error: cannot listen on \(host):\(port): \(reason)"
        case let .cannotWatch(reason):
            "error: cannot watch the site for changes: \(reason)"
        }
    }
}
