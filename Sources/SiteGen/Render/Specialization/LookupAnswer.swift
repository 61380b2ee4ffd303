import Mustache
import SiteGenCore

/// What one name lookup of a template found, reduced to what can change the template engine's
/// path through the template: presence, flags, emptiness, numbers, list shapes. Strings and
/// pre-rendered HTML are not part of it: they only fill slots of the output.
///
/// Two contexts that give the same answers to the same lookups, in the same order, make the
/// engine produce the same output up to the slot values (the engine is deterministic and our
/// view models hold no closures).
enum LookupAnswer: Hashable, Sendable {
    /// No value (the engine then looks further down its context stack).
    case missing
    case flag(Bool)
    /// An empty string (rendered as nothing; no slot).
    case emptyText
    /// A non-empty string or pre-rendered HTML: one slot.
    case text
    /// A number, kept exactly (a template may branch on it).
    case integer(Int)
    case real(UInt64)
    /// A dictionary (`empty` tells whether it is empty) or a view object (`empty` is `nil`:
    /// the engine's `empty()` transform does not apply to it).
    case object(empty: Bool?)
    case list([LookupAnswer])

    /// Adds the answer to a page fingerprint.
    func feed(into hash: inout ContentHash) {
        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { hash.update($0) } }
        switch self {
        case .missing: word(1)
        case .flag(let flag): word(flag ? 2 : 3)
        case .emptyText: word(4)
        case .text: word(5)
        case .integer(let number): word(6); word(UInt64(bitPattern: Int64(number)))
        case .real(let bits): word(7); word(bits)
        case .object(let empty): word(empty == nil ? 8 : empty! ? 9 : 10)
        case .list(let items):
            word(11)
            word(UInt64(items.count))
            for item in items { item.feed(into: &hash) }
        }
    }
}

/// The real values met while answering lookups for one page: containers (by node number, in
/// the order they were met; node 0 is the root context) and slot values (by slot number).
///
/// Values are told apart by exact dynamic type, never by `as?` casts to classes: on Linux such
/// a cast of a dictionary first bridges the whole dictionary to `NSDictionary`.
struct LookupState {
    enum Container {
        case object(ViewObject)
        case dictionary([String: Any])
        case views(ContentViews)
    }

    var nodes: [Container]
    var slots: [SlotValue] = []

    init(root: [String: Any]) { nodes = [.dictionary(root)] }

    /// The value container `node` has under `name`.
    func child(of node: Int, named name: String) -> Any? {
        switch nodes[node] {
        case .object(let object): return object.fields[name]
        case .dictionary(let dictionary): return dictionary[name]
        case .views(let views): return views.child(named: name)
        }
    }

    private static let string = ObjectIdentifier(String.self)
    private static let bool = ObjectIdentifier(Bool.self)
    private static let int = ObjectIdentifier(Int.self)
    private static let double = ObjectIdentifier(Double.self)
    private static let dictionary = ObjectIdentifier([String: Any].self)
    private static let object = ObjectIdentifier(ViewObject.self)
    private static let objects = ObjectIdentifier([ViewObject].self)
    private static let views = ObjectIdentifier(ContentViews.self)
    private static let dictionaries = ObjectIdentifier([[String: Any]].self)
    private static let strings = ObjectIdentifier([String].self)
    private static let anything = ObjectIdentifier([Any].self)

    /// Classifies a looked-up value, numbering the containers and slots inside it in order.
    /// `nil` when the value is of a kind the specializer does not model (the template is then
    /// rendered by the engine alone).
    mutating func answer(for value: Any?) -> LookupAnswer? {
        guard let value else { return .missing }
        let type = ObjectIdentifier(Swift.type(of: value))
        switch type {
        case Self.string:
            let text = value as! String
            if text.isEmpty { return .emptyText }
            slots.append(.text(text))
            return .text
        case Self.bool:
            return .flag(value as! Bool)
        case Self.int:
            return .integer(value as! Int)
        case Self.double:
            return .real((value as! Double).bitPattern)
        case Self.object:
            nodes.append(.object(value as! ViewObject))
            return .object(empty: nil)
        case Self.views:
            nodes.append(.views(value as! ContentViews))
            return .object(empty: nil)
        case Self.dictionary:
            let dictionary = value as! [String: Any]
            nodes.append(.dictionary(dictionary))
            return .object(empty: dictionary.isEmpty)
        case Self.objects:
            let objects = value as! [ViewObject]
            for object in objects { nodes.append(.object(object)) }
            return .list(Array(repeating: .object(empty: nil), count: objects.count))
        case Self.dictionaries:
            return list(value as! [[String: Any]])
        case Self.strings:
            return list(value as! [String])
        case Self.anything:
            return list(value as! [Any])
        default:
            if let rendered = value as? any SlotRenderable {
                slots.append(.rendered(rendered))
                return .text
            }
            // Other dictionaries and arrays (e.g. `[String: String]`), converted by a cast.
            if let dictionary = value as? [String: Any] { return answer(for: dictionary) }
            if let list = value as? [Any] { return answer(for: list) }
            return nil
        }
    }

    private mutating func list<Element>(_ items: [Element]) -> LookupAnswer? {
        var answers: [LookupAnswer] = []
        answers.reserveCapacity(items.count)
        for item in items {
            guard let answer = answer(for: item) else { return nil }
            answers.append(answer)
        }
        return .list(answers)
    }
}

/// One slot value of a page: text (escaped or not, as the template says) or pre-rendered HTML.
enum SlotValue {
    case text(String)
    case rendered(any SlotRenderable)

    /// Adds the value to a page fingerprint: text by its bytes, rendered values by their own
    /// fingerprint.
    func feed(into hash: inout ContentHash) {
        switch self {
        case .text(var text):
            text.withUTF8 { bytes in
                withUnsafeBytes(of: (UInt64(bytes.count) << 1).littleEndian) { hash.update($0) }
                hash.update(UnsafeRawBufferPointer(bytes))
            }
        case .rendered(let rendered):
            withUnsafeBytes(of: (rendered.fingerprint << 1 | 1).littleEndian) { hash.update($0) }
        }
    }

    /// Appends the value, HTML-escaped when `escaped`.
    func append(escaped: Bool, to output: inout [UInt8]) {
        switch self {
        case .text(let text):
            if escaped { HTMLEscaping.appendEscapedHTML(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .rendered(let rendered):
            if escaped { HTMLEscaping.appendEscapedHTML(rendered.renderText, to: &output) } else { rendered.append(to: &output) }
        }
    }
}

/// A view-model value that the template engine renders as text (pre-rendered HTML, a lazily
/// rendered article body, a nested template's output) and that stands for itself in a
/// fingerprint without being rendered.
protocol SlotRenderable: MustacheCustomRenderable, Fingerprinted {
    /// Appends the value's text to `output`.
    func append(to output: inout [UInt8])
}

extension SlotRenderable {
    func append(to output: inout [UInt8]) { output.append(contentsOf: renderText.utf8) }
}
