
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
        var segmentLength = 0
        var segmentDots = 0
        func segmentProblem() -> String? {
            if segmentLength == 0 { return "the path has an empty segment (// or a trailing /)" }
            if segmentLength == 2 && segmentDots == 2 { return "the path has a .. segment" }
            if segmentLength == 1 && segmentDots == 1 { return "the path has a . segment" }
            return nil
        }
        for byte in path.utf8 {
            if byte == 0 { return "the path contains a NUL character" }
            if byte == 0x5C { return "the path contains a backslash; use / between folders" }
            if byte < 0x20 || byte == 0x7F { return "the path contains a control character" }
            if byte == UInt8(ascii: "/") {
                if let problem = segmentProblem() { return problem }
                segmentLength = 0
                segmentDots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { segmentDots += 1 }
            }
        }
        if let problem = segmentProblem() { return problem }
        return nil
    }
}
