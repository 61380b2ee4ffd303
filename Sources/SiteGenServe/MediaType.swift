/// Chooses the `Content-Type` of a served file from its extension.
///
/// Text types carry `charset=utf-8` because the renderer writes UTF-8 and Chinese pages turn
/// into mojibake when a browser guesses otherwise.
enum MediaType {
    /// The `Content-Type` header value for a site path such as `guonei/index.html`.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }

    /// Whether the response is an HTML page (and so gets the live-reload script).
    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }

    /// What unknown extensions are served as.
    static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "pdf": "application/pdf",
    ]
}
