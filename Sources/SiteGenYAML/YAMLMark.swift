
/// A 1-based position in parsed YAML text.
package struct YAMLMark: Sendable, Hashable {
    /// 1-based line.
    package var line: Int
    /// 1-based column in Unicode scalars.
    package var column: Int
}
