/// A deliberately small HTML tag scanner for tests: finds start tags and their attributes
/// (quoted, single-quoted or bare values; `&amp;`-style entities decoded), skipping comments,
/// doctype and end tags. Enough to check links, `alt` texts and `<meta>` tags of generated
/// pages without a parser dependency.
enum HTMLScanner {
    /// One start tag: lower-cased name and attributes (lower-cased names, decoded values).
    struct Tag: Sendable, Hashable {
        var name: String
        var attributes: [String: String]
    }

    /// Every start tag of `html`, in document order.
    static func tags(in html: String) -> [Tag] {
        let scalars = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var index = 0
        func at(_ i: Int) -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
        func isSpace(_ s: Unicode.Scalar?) -> Bool { s.map { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}" } ?? false }
        func hasPrefix(_ text: String, at i: Int) -> Bool {
            var j = i
            for scalar in text.unicodeScalars {
                guard at(j) == scalar else { return false }
                j += 1
            }
            return true
        }
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            if hasPrefix("<!--", at: index) {
                index += 4
                while index < scalars.count, !hasPrefix("-->", at: index) { index += 1 }
                index += 3
                continue
            }
            guard let first = at(index + 1), first.properties.isAlphabetic else { index += 1; continue }
            var i = index + 1
            var name = ""
            while let s = at(i), !isSpace(s), s != ">", s != "/" { name.unicodeScalars.append(s); i += 1 }
            var attributes: [String: String] = [:]
            while let s = at(i), s != ">" {
                if isSpace(s) || s == "/" { i += 1; continue }
                var attribute = ""
                while let c = at(i), !isSpace(c), c != "=", c != ">", c != "/" || attribute.isEmpty { attribute.unicodeScalars.append(c); i += 1 }
                while isSpace(at(i)) { i += 1 }
                var value = ""
                if at(i) == "=" {
                    i += 1
                    while isSpace(at(i)) { i += 1 }
                    if let quote = at(i), quote == "\"" || quote == "'" {
                        i += 1
                        while let c = at(i), c != quote { value.unicodeScalars.append(c); i += 1 }
                        i += 1
                    } else {
                        while let c = at(i), !isSpace(c), c != ">" { value.unicodeScalars.append(c); i += 1 }
                    }
                }
                if !attribute.isEmpty { attributes[attribute.lowercased()] = decodeEntities(value) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
            index = i + 1
        }
        return tags
    }

    /// Decodes the named entities the engine's escaper emits and numeric references.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = after[after.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            if let value = named[String(entity)] {
                result += value
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += after[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
