import Synchronization
import SiteGenCore

/// Every path through one template seen so far in this build, as a decision tree: each step
/// asks one lookup (container node, name) and branches on its answer; a finished path holds the
/// template's output with slots.
///
/// The engine is deterministic, so which lookup comes next depends only on the answers before
/// it: pages that answer alike share a path and differ only in slot values.
final class TraceStep {
    let node: Int
    let name: String
    /// Next steps by answer; usually one or two, so a list searched in order beats hashing.
    private(set) var branches: [(answer: LookupAnswer, next: TraceStep)] = []
    let output: SplicedTemplate?

    /// A step that asks a lookup.
    init(node: Int, name: String) {
        self.node = node
        self.name = name
        output = nil
    }

    /// The step after `answer`, if a recorded path gave that answer here.
    func next(after answer: LookupAnswer) -> TraceStep? {
        branches.first { $0.answer == answer }?.next
    }

    func add(_ next: TraceStep, after answer: LookupAnswer) {
        branches.append((answer, next))
    }

    /// The end of a path.
    init(output: SplicedTemplate) {
        node = -1
        name = ""
        self.output = output
    }
}

/// The decision tree of one template, with counts that tell whether specializing it pays.
///
/// Pages walk it concurrently under a read lock; recordings are added under the write lock.
final class TraceTree: @unchecked Sendable {
    private let lock = ReadWriteLock()
    private var root: TraceStep?
    /// Pages that followed a known path (counted without the write lock), and pages that
    /// needed a recording.
    private let hits = Atomic<Int>(0)
    private var misses = 0
    /// Set when a recording could not be verified or a value was not modelled: every later
    /// page of this template goes through the engine alone.
    private var disabled = false

    /// Whether a page with no known path should be recorded (counted as a miss): only while,
    /// after a few pages, most pages reuse a path.
    func claimRecording() -> Bool {
        lock.writing {
            let hits = hits.load(ordering: .relaxed)
            guard !disabled, misses < 24 || misses * 4 < hits else { return false }
            misses += 1
            return true
        }
    }

    /// Turns specialization off for this template.
    func disable() { lock.writing { disabled = true } }

    /// Counts for diagnostics: pages reusing a path, recordings, whether turned off.
    var counts: (hits: Int, misses: Int, disabled: Bool) {
        lock.reading { (hits.load(ordering: .relaxed), misses, disabled) }
    }

    /// The outcome of following the tree with one page's context.
    enum Walk {
        /// A known path: its output, the page's slot values and the fingerprint of answers and slots.
        case found(SplicedTemplate, slots: [SlotValue], fingerprint: UInt64)
        /// No known path for these answers.
        case unknown
        /// The page holds a value the specializer does not model, or the template is turned off.
        case unsupported
    }

    /// Follows the tree, answering each lookup from `root`.
    func walk(root context: [String: Any], seed: UInt64) -> Walk {
        let walk = lock.reading { disabled ? .unsupported : follow(root: context, seed: seed) }
        if case .found = walk { hits.add(1, ordering: .relaxed) }
        return walk
    }

    private func follow(root context: [String: Any], seed: UInt64) -> Walk {
        guard var step = root else { return .unknown }
        var state = LookupState(root: context)
        var hash = ContentHash()
        withUnsafeBytes(of: seed.littleEndian) { hash.update($0) }
        while true {
            if let output = step.output {
                for slot in state.slots { slot.feed(into: &hash) }
                return .found(output, slots: state.slots, fingerprint: hash.finalize())
            }
            guard let answer = state.answer(for: state.child(of: step.node, named: step.name)) else { return .unsupported }
            answer.feed(into: &hash)
            guard let next = step.next(after: answer) else { return .unknown }
            step = next
        }
    }

    /// Adds a recorded path ending in `output`; `false` if it contradicts the tree (which a
    /// deterministic engine never does, but then the template is not specialized).
    func insert(_ lookups: [TraceRecorder.Lookup], output: SplicedTemplate) -> Bool {
        lock.writing { add(lookups, output: output) }
    }

    private func add(_ lookups: [TraceRecorder.Lookup], output: SplicedTemplate) -> Bool {
        guard let first = lookups.first else {
            if root == nil { root = TraceStep(output: output) }
            return root?.output != nil
        }
        if root == nil { root = TraceStep(node: first.node, name: first.name) }
        var step = root!
        for (index, lookup) in lookups.enumerated() {
            guard step.output == nil, step.node == lookup.node, step.name == lookup.name else { return false }
            if let next = step.next(after: lookup.answer) {
                step = next
                continue
            }
            let next = index + 1 < lookups.count
                ? TraceStep(node: lookups[index + 1].node, name: lookups[index + 1].name)
                : TraceStep(output: output)
            step.add(next, after: lookup.answer)
            step = next
        }
        return step.output != nil
    }
}
