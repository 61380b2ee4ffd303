import Foundation
import Hummingbird
import SiteGen
import SiteGenCore

/// Maps a request to a file of the in-memory site: the routing, caching and error-page rules of
/// the dev server.
///
/// Only keys of the site dictionary can be served; a `.copy(from:)` file is read from the exact
/// absolute path the engine produced, never from a path derived from the URL.
struct SiteResponder: Sendable {
    /// Where the current site lives.
    let state: SiteState

    /// Answers a GET or HEAD for `target` (the raw request-target).
    func respond(method: HTTPRequest.Method, target: String, ifNoneMatch: String?) async -> PlannedResponse {
        guard method == .get || method == .head else {
            return finish(plain(.methodNotAllowed, "Method not allowed\n", extra: [.allow: "GET, HEAD"]), method: method)
        }
        let snapshot = await state.current()
        let request: RequestTarget
        do {
            request = try RequestTarget(target)
        } catch .tooLong {
            return finish(plain(.uriTooLong, "Request-target too long\n"), method: method)
        } catch {
            return finish(notFound(snapshot), method: method)
        }
        guard snapshot.hasBuilt else {
            return finish(plain(.serviceUnavailable, "sitegen is building the site; retry in a moment\n", extra: [.retryAfter: "1"]), method: method)
        }
        if let file = snapshot.files[request.siteKey] {
            return finish(serve(file, key: request.siteKey, status: .ok, errors: snapshot.errors, ifNoneMatch: ifNoneMatch), method: method)
        }
        if let indexKey = request.directoryIndexKey, snapshot.files[indexKey] != nil {
            var headers = commonHeaders()
            headers[.location] = request.slashRedirectLocation
            headers[.contentLength] = "0"
            return PlannedResponse(status: .movedPermanently, headers: headers, body: [])
        }
        return finish(notFound(snapshot), method: method)
    }

    private func serve(_ file: OutputFile, key: String, status: HTTPResponse.Status, errors: [Diagnostic], ifNoneMatch: String?) -> PlannedResponse {
        guard var bytes = Self.bytes(of: file) else {
            return plain(.internalServerError, "Cannot read the source of \(key)\n")
        }
        let contentType = MediaType.forPath(key)
        if MediaType.isHTML(contentType) {
            bytes = LiveReloadInjector.inject(into: bytes, errors: errors)
        }
        let tag = EntityTag.of(bytes)
        var headers = commonHeaders()
        headers[.eTag] = tag
        if status == .ok, let ifNoneMatch, EntityTag.matches(ifNoneMatch: ifNoneMatch, tag: tag) {
            return PlannedResponse(status: .notModified, headers: headers, body: [])
        }
        headers[.contentType] = contentType
        headers[.contentLength] = String(bytes.count)
        return PlannedResponse(status: status, headers: headers, body: bytes)
    }

    private func notFound(_ snapshot: SiteSnapshot) -> PlannedResponse {
        if let page = snapshot.files["404.html"] {
            return serve(page, key: "404.html", status: .notFound, errors: snapshot.errors, ifNoneMatch: nil)
        }
        let page = Array("<!doctype html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>\n".utf8)
        let body = LiveReloadInjector.inject(into: page, errors: snapshot.errors)
        var headers = commonHeaders()
        headers[.contentType] = MediaType.forPath("404.html")
        headers[.contentLength] = String(body.count)
        return PlannedResponse(status: .notFound, headers: headers, body: body)
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> PlannedResponse {
        var headers = commonHeaders()
        headers.append(contentsOf: extra)
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(text.utf8.count)
        return PlannedResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    /// HEAD keeps every header (including the full `Content-Length`) and drops the body.
    private func finish(_ response: PlannedResponse, method: HTTPRequest.Method) -> PlannedResponse {
        guard method == .head else { return response }
        var head = response
        head.body = []
        return head
    }

    private func commonHeaders() -> HTTPFields {
        [.cacheControl: "no-cache"]
    }

    /// The bytes of a site file; `nil` when a copied asset vanished from disk.
    static func bytes(of file: OutputFile) -> [UInt8]? {
        switch file.contents {
        case .bytes(let bytes):
            return bytes
        case .copy(let absolutePath):
            return FileManager.default.contents(atPath: absolutePath).map { [UInt8]($0) }
        case .previous:
            // The dev server renders everything in memory; it never asks to keep old files.
            return nil
        case .deferred(let deferred):
            return deferred.make()
        }
    }
}
