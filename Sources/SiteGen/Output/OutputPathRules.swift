/// Checks that an output file path stays inside the output folder and names one file only.
///
/// Why so strict: render bugs or odd front matter (a slug of `../x`) must never write outside
/// the output; `.` and empty segments would let two spellings name one file and slip past the
/// duplicate check; control characters would break the manifest's line format.
enum OutputPathRules {
    /// The reason `path` is unsafe, or `nil` when it is fine.
    static func problem(with path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "the path is absolute; it must be relative to the output folder" }
        for byte in path.utf8 {
            if byte == 0 { return "the path contains a NUL character" }
            if byte == 0x5C { return "the path contains a backslash; use / between folders" }
            if byte < 0x20 || byte == 0x7F { return "the path contains a control character" }
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return "the path has an empty segment (// or a trailing /)" }
            if segment == ".." { return "the path has a .. segment" }
            if segment == "." { return "the path has a . segment" }
        }
        return nil
    }
}
