import SiteGenCore

/// The schema.org `NewsArticle` of an article page, as a ready-to-paste
/// `<script type="application/ld+json">` element.
///
/// Built by hand rather than with a JSON encoder: every string goes through
/// `HTMLEscaping.escapeJSONString`, which also turns `<`, `>` and `&` into `\u` escapes, so no
/// title or author can close the script element (`</script>` becomes `\u003c/script\u003e`),
/// and the key order stays fixed for byte-identical rebuilds.
struct ArticleJSONLD: Sendable, Hashable {
    /// The article's title.
    var headline: String
    /// W3C date-time with offset, e.g. `2024-07-10T14:43:00+08:00`.
    var datePublished: String
    /// Author names; when empty, the source (or else the publisher) is given as the author.
    var authors: [String]
    /// The article's `source` (the outlet it came from), may be empty.
    var source: String
    /// The site's title.
    var publisher: String
    /// Absolute URL of the article page.
    var pageURL: String
    /// Absolute URL of the cover image, if any.
    var imageURL: String?
    /// The article's summary, may be empty.
    var description: String

    /// The `<script type="application/ld+json">…</script>` element.
    var script: String {
        var json = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\""
        json += ",\"headline\":" + Self.quoted(headline)
        json += ",\"datePublished\":" + Self.quoted(datePublished)
        if authors.isEmpty {
            json += ",\"author\":[{\"@type\":\"Organization\",\"name\":" + Self.quoted(source.isEmpty ? publisher : source) + "}]"
        } else {
            json += ",\"author\":[" + authors.map { "{\"@type\":\"Person\",\"name\":" + Self.quoted($0) + "}" }.joined(separator: ",") + "]"
        }
        json += ",\"publisher\":{\"@type\":\"Organization\",\"name\":" + Self.quoted(publisher) + "}"
        json += ",\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":" + Self.quoted(pageURL) + "}"
        if let imageURL { json += ",\"image\":[" + Self.quoted(imageURL) + "]" }
        if !description.isEmpty { json += ",\"description\":" + Self.quoted(description) }
        return "<script type=\"application/ld+json\">" + json + "}</script>"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + HTMLEscaping.escapeJSONString(text) + "\""
    }
}
