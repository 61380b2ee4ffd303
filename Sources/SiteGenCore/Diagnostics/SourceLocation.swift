/// A position in a source file, as people count it: lines and columns start at 1.
///
/// `path` is relative to the site's source folder (e.g. `content/guonei/a.md`) so that
/// messages read the same on every machine. Columns count Unicode scalars, not bytes.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// File path relative to the site source folder.
    public var path: String
    /// 1-based line number; 0 when only the file is known.
    public var line: Int
    /// 1-based column number; 0 when only the line (or file) is known.
    public var column: Int

    /// Creates a location; pass 0 for an unknown line or column.
    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, leaving out the parts that are unknown.
    public var description: String {
        if line <= 0 { return path }
        if column <= 0 { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
