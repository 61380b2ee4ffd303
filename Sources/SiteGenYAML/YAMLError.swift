
/// A YAML text that could not be turned into a `YAMLNode` tree: libyaml's complaint or one of
/// our own limits (alias bombs, nesting, duplicate or non-scalar keys).
///
/// Positions are 1-based and relative to the parsed text; callers add the line where that text
/// starts in its file.
package struct YAMLError: Error, Sendable, Hashable {
    /// What is wrong, e.g. `could not find expected ':' (while scanning a simple key)`.
    package var message: String
    /// 1-based line in the parsed text.
    package var line: Int
    /// 1-based column (Unicode scalars) in the parsed text.
    package var column: Int

    /// Creates an error.
    package init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}
