
/// A 1-based position in parsed YAML text.
struct YAMLMark: Sendable, Hashable {
    /// 1-based line.
    var line: Int
    /// 1-based column in Unicode scalars.
    var column: Int
}
