import SiteGenCore
import SiteGenYAML

/// The shared first half of reading an article or an `_index.md`: split off the front matter,
/// parse its YAML and check that it is a mapping, reporting each failure at its file position.
enum FrontMatterReader {
    /// Front matter read from a file.
    struct Parsed {
        /// Top-level pairs (empty when the block is empty).
        var pairs: [YAMLPair]
        /// Body text after the closing `---`.
        var body: Substring
        /// File line the body starts on.
        var bodyLine: Int
    }

    /// The YAML of front matter starts on file line 2: node line 1 is file line 2.
    static let lineOffset = 1

    /// Parses the YAML between the delimiters; `nil` after recording an error in `diagnostics`.
    static func parse(yaml: Substring, body: Substring, bodyLine: Int, source: SourceText, diagnostics: inout Diagnostics) -> Parsed? {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(yaml)
        } catch {
            diagnostics.append(source.error("invalid YAML in front matter: \(error.message)",
                                            line: error.line + lineOffset, column: error.column))
            return nil
        }
        guard let root, !root.isNull else { return Parsed(pairs: [], body: body, bodyLine: bodyLine) }
        guard let pairs = root.pairs else {
            diagnostics.append(source.error("front matter must be a mapping of keys to values, found \(root.kindDescription)",
                                            line: root.line + lineOffset, column: root.column))
            return nil
        }
        return Parsed(pairs: pairs, body: body, bodyLine: bodyLine)
    }
}
