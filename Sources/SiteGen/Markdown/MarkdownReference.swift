
/// A link or image found in an article body, with its position in the article's file.
///
/// Lets later stages check internal links and images exist and report them at
/// `path:line:column`, and warn about images without alt text.
struct MarkdownReference: Sendable, Hashable {
    /// Whether the reference is a link or an image.
    enum Kind: Sendable, Hashable {
        /// `[text](destination)`, `[text][ref]` or `<autolink>`.
        case link
        /// `![alt](destination)`.
        case image
    }

    /// Link or image.
    var kind: Kind
    /// The destination as written (reference definitions resolved, entities and backslash
    /// escapes decoded), not validated.
    var destination: String
    /// 1-based line in the file (the body's line offset already added); 0 if unknown.
    var line: Int
    /// 1-based column in Unicode scalars of the `[`, `![` or `<` that starts it; 0 if unknown.
    var column: Int
    /// For images, whether the alt text is non-empty; always `false` for links.
    var hasAltText: Bool = false
}
