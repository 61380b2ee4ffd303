/// A link or image found in an article body, with its position in the article's file.
///
/// Lets later stages check internal links and images exist and report them at
/// `path:line:column`, and warn about images without alt text.
package struct MarkdownReference: Sendable, Hashable {
    /// Whether the reference is a link or an image.
    package enum Kind: Sendable, Hashable {
        /// `[text](destination)`, `[text][ref]` or `<autolink>`.
        case link
        /// `![alt](destination)`.
        case image
    }

    /// Link or image.
    package var kind: Kind
    /// The destination as written (reference definitions resolved, entities and backslash
    /// escapes decoded), not validated.
    package var destination: String
    /// 1-based line in the file (the body's line offset already added); 0 if unknown.
    package var line: Int
    /// 1-based column in Unicode scalars of the `[`, `![` or `<` that starts it; 0 if unknown.
    package var column: Int
    /// For images, whether the alt text is non-empty; always `false` for links.
    package var hasAltText: Bool = false

    package init(kind: Kind, destination: String, line: Int, column: Int, hasAltText: Bool = false) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
        self.hasAltText = hasAltText
    }
}
