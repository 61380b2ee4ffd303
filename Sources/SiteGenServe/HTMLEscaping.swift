/// Escapes text for HTML element content and attribute values.
///
/// Diagnostics quote user content (titles, front matter), so the overlay must never
/// interpret them as markup.
enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by entities.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
