import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A parsed HTTP/1.1 response read off a raw socket.
struct RawHTTPResponse {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Errors of the raw test client.
struct RawHTTPError: Error, CustomStringConvertible {
    let description: String
}

/// A tiny blocking HTTP client over loopback sockets, so tests can send request-targets exactly
/// as written (URLSession would normalise `..` and percent escapes before sending).
///
/// Blocking calls run on threads of their own: on Linux, Dispatch's global queues share their
/// thread limit with the cooperative pool that the server needs, so blocking them starves it.
enum RawHTTPClient {
    /// Sends `method target` with `Connection: close` and reads the whole response.
    static func request(
        _ target: String,
        method: String = "GET",
        headers: [String: String] = [:],
        port: Int
    ) async throws -> RawHTTPResponse {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        let raw = try await exchange(Array(text.utf8), port: port)
        return try parse(raw)
    }

    /// Sends raw bytes and reads until the server closes the connection (5 s bound).
    static func exchange(_ bytes: [UInt8], port: Int) async throws -> [UInt8] {
        try await onOwnThread {
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            try connection.send(bytes)
            var received: [UInt8] = []
            while let chunk = try connection.receive() { received += chunk }
            return received
        }
    }

    static func parse(_ raw: [UInt8]) throws -> RawHTTPResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else {
            throw RawHTTPError(description: "no header end in \(String(decoding: raw, as: UTF8.self))")
        }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError(description: "bad status line \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawHTTPResponse(status: status, headers: headers, body: Array(raw[end.upperBound...]))
    }

    /// Runs blocking work on a new thread.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try work() })
            }.start()
        }
    }
}

/// One blocking TCP connection to 127.0.0.1 with a receive timeout.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32

    init(port: Int, timeoutSeconds: Int = 30) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError(description: "socket failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw RawHTTPError(description: "connect failed: errno \(errno)")
        }
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawHTTPError(description: "send failed") }
            offset += sent
        }
    }

    /// The next bytes; `nil` at end of stream; throws on timeout.
    func receive() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count == 0 { return nil }
        guard count > 0 else { throw RawHTTPError(description: "receive timed out or failed: errno \(errno)") }
        return Array(buffer[..<count])
    }

    func close() { Glibc.close(fd) }
}

/// A Server-Sent Events connection read incrementally.
final class EventStreamClient: @unchecked Sendable {
    private let connection: RawConnection
    private var received = ""

    init(port: Int) async throws {
        connection = try await RawHTTPClient.onOwnThread { try RawConnection(port: port) }
        try connection.send(Array("GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
    }

    /// Reads until everything received so far contains `marker` (or throws after 5 s of silence
    /// or when the server closes the stream first). Returns the text received so far.
    @discardableResult
    func waitFor(_ marker: String) async throws -> String {
        try await RawHTTPClient.onOwnThread { [self] in
            while !received.contains(marker) {
                guard let chunk = try connection.receive() else {
                    throw RawHTTPError(description: "stream closed before \(marker); got \(received)")
                }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return received
        }
    }

    /// Reads until the server closes the connection.
    func waitForClose() async throws {
        try await RawHTTPClient.onOwnThread { [self] in
            while let chunk = try connection.receive() { received += String(decoding: chunk, as: UTF8.self) }
        }
    }

    /// Drops what was read so far so the next `waitFor` only sees new events.
    func forgetReceived() { received = "" }

    deinit { connection.close() }
}
