import Mustache

/// Renders a template once through the engine with every slot value replaced by a numbered
/// marker, recording each lookup the engine makes and what it found.
///
/// The output with markers becomes a `SplicedTemplate`; the recorded lookups become one path of
/// the template's `TraceTree`. Used from one thread at a time (one recording per render).
final class TraceRecorder {
    /// One distinct lookup: container node, name, answer.
    struct Lookup {
        let node: Int
        let name: String
        let answer: LookupAnswer
    }

    private struct Key: Hashable {
        let node: Int
        let name: String
    }

    private(set) var state: LookupState
    private(set) var lookups: [Lookup] = []
    /// Set when a value the specializer does not model was met.
    private(set) var unsupported = false
    private var memo: [Key: Any?] = [:]

    init(root: [String: Any]) {
        state = LookupState(root: root)
    }

    /// The context object handed to the engine in place of the real root.
    var rootNode: RecordingNode { RecordingNode(node: 0, empty: nil, recorder: self) }

    /// Answers the engine's lookup of `name` in container `node`: the same value each time it is
    /// asked, with containers wrapped and slot values replaced by markers.
    func lookup(node: Int, name: String) -> Any? {
        let key = Key(node: node, name: name)
        if let known = memo[key] { return known }
        let firstNode = state.nodes.count
        let firstSlot = state.slots.count
        let real = state.child(of: node, named: name)
        guard let answer = state.answer(for: real) else {
            unsupported = true
            memo[key] = .some(nil)
            return nil
        }
        lookups.append(Lookup(node: node, name: name, answer: answer))
        var nextNode = firstNode
        var nextSlot = firstSlot
        let stand = standIn(for: answer, nextNode: &nextNode, nextSlot: &nextSlot)
        memo[key] = .some(stand)
        return stand
    }

    /// What the engine sees for an answer: containers as recording nodes, slots as markers,
    /// numbered in the order `LookupState.answer(for:)` numbered them.
    private func standIn(for answer: LookupAnswer, nextNode: inout Int, nextSlot: inout Int) -> Any? {
        switch answer {
        case .missing: return nil
        case .flag(let flag): return flag
        case .emptyText: return ""
        case .text:
            defer { nextSlot += 1 }
            return SlotMarker.text(slot: nextSlot)
        case .integer(let number): return number
        case .real(let bits): return Double(bitPattern: bits)
        case .object(let empty):
            defer { nextNode += 1 }
            return RecordingNode(node: nextNode, empty: empty, recorder: self)
        case .list(let items):
            return items.map { standIn(for: $0, nextNode: &nextNode, nextSlot: &nextSlot) as Any }
        }
    }
}

/// A container as the engine sees it while recording: every lookup goes to the recorder.
final class RecordingNode: MustacheParent, MustacheTransformable {
    private let node: Int
    /// Whether the wrapped dictionary is empty (`nil` for view objects, which have no `empty()`).
    private let empty: Bool?
    private unowned let recorder: TraceRecorder

    init(node: Int, empty: Bool?, recorder: TraceRecorder) {
        self.node = node
        self.empty = empty
        self.recorder = recorder
    }

    func child(named name: String) -> Any? { recorder.lookup(node: node, name: name) }

    /// The engine's `empty()` on a dictionary; other transforms are kept out of specialized
    /// themes by `SpecializationGate`.
    func transform(_ name: String) -> Any? { name == "empty" ? empty : nil }
}

/// The numbered markers that stand for slot values while recording, and how they read back
/// from the engine's output, HTML-escaped or not.
enum SlotMarker {
    /// U+E000 and U+E001 (private use), in UTF-8.
    static let open: [UInt8] = [0xEE, 0x80, 0x80]
    static let close: [UInt8] = [0xEE, 0x80, 0x81]

    /// The marker of slot `slot`. The `&` tells escaped output (`&amp;`) from raw output.
    static func text(slot: Int) -> String { "\u{E000}&\(slot)\u{E001}" }
}
