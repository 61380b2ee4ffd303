
/// Decides whether a theme's templates can be specialized: only when nothing in them makes the
/// output depend on a slot value in a way the recorded markers cannot show.
///
/// Refused: value transforms other than `empty(…)` (e.g. `uppercased(title)` would change the
/// marker, `count(list)` is fine in principle but not needed), set-delimiter tags (the scan
/// could no longer find tags), content-type pragmas (slots are escaped with sitegen's own
/// escaper), dynamic partials (`{{>*name}}` picks a template by a value) and indented partials
/// or blocks (the engine indents after line breaks inside values).
enum SpecializationGate {
    /// Whether every template in `sources` (name → text) may be specialized.
    static func allows(_ sources: some Sequence<String>) -> Bool {
        sources.allSatisfy(allows(template:))
    }

    static func allows(template text: String) -> Bool {
        if text.contains("{{=") || text.contains("{{%") { return false }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.count != line.count, trimmed.hasPrefix("{{") {
                let sigil = trimmed.dropFirst(2).drop { $0 == " " }.first
                if sigil == ">" || sigil == "$" || sigil == "<" { return false }
            }
        }
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { break }
            let tag = afterOpen[..<close.lowerBound]
            if tag.first == "!" {
                rest = afterOpen[close.upperBound...]
                continue
            }
            if tag.drop(while: { $0 == " " }).hasPrefix(">*") { return false }
            if !transformsAreStructural(tag) { return false }
            rest = afterOpen[close.upperBound...]
        }
        return true
    }

    /// Whether every `name(` in a tag is `empty(…)` or a sequence-position transform `name()`.
    private static func transformsAreStructural(_ tag: Substring) -> Bool {
        var index = tag.startIndex
        while let paren = tag[index...].firstIndex(of: "(") {
            var nameStart = paren
            while nameStart > tag.startIndex, tag[tag.index(before: nameStart)].isLetter || tag[tag.index(before: nameStart)] == "_" {
                nameStart = tag.index(before: nameStart)
            }
            let name = tag[nameStart..<paren]
            let next = tag.index(after: paren)
            let emptyArgument = next < tag.endIndex && tag[next] == ")"
            if name != "empty" && !emptyArgument { return false }
            index = next
        }
        return true
    }
}
