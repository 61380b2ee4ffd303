/// Trimming and searching without Foundation: on Linux `trimmingCharacters(in:)` and
/// `contains(_:)` with a string go through `NSString`, which showed up when parsing tens of
/// thousands of front matters.
extension StringProtocol {
    /// The text without leading and trailing spaces: the characters of Unicode category Zs and
    /// the tab, exactly what `CharacterSet.whitespaces` holds.
    package var trimmingSpaces: String {
        func isSpace(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Whether the text contains `needle`, compared as UTF-8 bytes.
    package func containsBytes(_ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        let haystack = Array(utf8)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
