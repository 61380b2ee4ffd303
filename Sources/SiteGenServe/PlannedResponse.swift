import Hummingbird

/// A complete answer to a site request, before it becomes a Hummingbird `Response`.
///
/// Kept as plain data so the routing rules can be tested without a socket.
struct PlannedResponse: Sendable {
    /// The status line.
    var status: HTTPResponse.Status
    /// Headers, including `Content-Length` of the full body even for HEAD.
    var headers: HTTPFields
    /// The bytes to send; empty for HEAD, 301 and 304.
    var body: [UInt8]

    /// The Hummingbird response carrying the same status, headers and body.
    func makeResponse() -> Response {
        let buffer = ByteBuffer(bytes: body)
        return Response(status: status, headers: headers, body: body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: buffer))
    }
}
