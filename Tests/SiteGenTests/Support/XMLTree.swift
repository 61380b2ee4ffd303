import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document parsed with Foundation's `XMLParser` into a small element tree, so tests can
/// check that feeds and sitemaps are well-formed and have the expected structure.
struct XMLTree: Sendable {
    /// One element: qualified name (`atom:link`), attributes, child elements and its own text.
    struct Element: Sendable {
        var name: String
        var attributes: [String: String]
        var children: [Element] = []
        var text: String = ""

        /// The child elements named `name`.
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The first child element named `name`.
        func first(_ name: String) -> Element? { children.first { $0.name == name } }
    }

    /// The document element.
    let root: Element

    /// Parses `data`; throws the parser's error (with line and column) when it is not
    /// well-formed.
    init(data: Data) throws {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(line: parser.lineNumber, column: parser.columnNumber, underlying: parser.parserError.map { "\($0)" } ?? "no document element")
        }
        self.root = root
    }

    /// Why a document did not parse.
    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var column: Int
        var underlying: String
        var description: String { "XML error at \(line):\(column): \(underlying)" }
    }

    /// Collects `XMLParser` events into elements.
    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(Element(name: qName ?? elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
