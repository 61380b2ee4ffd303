import Mustache

/// Renders templates fast by specializing them to the shapes of their view models.
///
/// The first page of each shape is rendered by the template engine twice: once with markers in
/// place of its slot values (text, pre-rendered HTML) while every lookup is recorded, and once
/// normally. If filling the marked output with the page's values gives exactly the normal
/// output, the recorded lookups and the marked output are kept as a path of the template's
/// `TraceTree`. Every later page whose lookups get the same answers is produced by filling in
/// its values, without running the engine: same bytes, same escaping (the engine's content type
/// decides which slots are escaped), at a fraction of the cost.
///
/// Anything the recording cannot vouch for goes through the engine as before: a theme the
/// `SpecializationGate` refuses, a value kind that is not modelled, a verification mismatch,
/// or a template whose pages rarely share a shape.
final class TemplateSpecializer: Sendable {
    private let templates: TemplateLibrary
    /// One decision tree per template, created up front; each guards itself.
    private let trees: [String: TraceTree]

    init(templates: TemplateLibrary) {
        self.templates = templates
        trees = Dictionary(uniqueKeysWithValues: templates.names.map { ($0, TraceTree()) })
    }

    /// Prepares template `name` with `context`: its fingerprint now, its bytes when asked.
    func render(_ name: String, _ context: [String: Any]) -> SpecializedRender {
        guard templates.specializable, let tree = trees[name] else { return engineRender(name, context) }
        let seed = Fingerprint.of(seed: templates.fingerprint, "spliced", name)
        for attempt in 0..<2 {
            switch tree.walk(root: context, seed: seed) {
            case .found(let output, let slots, let fingerprint):
                return SpecializedRender(.spliced(output, slots: slots), fingerprint: fingerprint)
            case .unknown where attempt == 0 && tree.claimRecording():
                record(name, context, into: tree)
            case .unsupported:
                tree.disable()
                return engineRender(name, context)
            case .unknown:
                return engineRender(name, context)
            }
        }
        return engineRender(name, context)
    }

    /// Records a new path of `name` from `context` and verifies it against the engine's own
    /// output; a failure turns specialization off for the template.
    private func record(_ name: String, _ context: [String: Any], into tree: TraceTree) {
        let recorder = TraceRecorder(root: context)
        let marked = templates.render(name, object: recorder.rootNode)
        let verified: SplicedTemplate? = {
            guard !recorder.unsupported,
                  let output = SplicedTemplate(markedOutput: marked, slotCount: recorder.state.slots.count)
            else { return nil }
            var filled: [UInt8] = []
            output.fill(recorder.state.slots, into: &filled)
            let real = templates.render(name, context)
            return filled.elementsEqual(real.utf8) ? output : nil
        }()
        guard let verified, tree.insert(recorder.lookups, output: verified) else {
            tree.disable()
            return
        }
    }

    /// How template `name` fared so far: pages that reused a recorded path, recordings, and
    /// whether specialization was turned off for it.
    func statistics(of name: String) -> (hits: Int, recordings: Int, disabled: Bool)? {
        trees[name].map { tree in
            let counts = tree.counts
            return (counts.hits, counts.misses, counts.disabled)
        }
    }

    private func engineRender(_ name: String, _ context: [String: Any]) -> SpecializedRender {
        let fingerprint = Fingerprint.of(seed: templates.fingerprint, "engine", name, context)
        return SpecializedRender(.engine(templates, name: name, context: context), fingerprint: fingerprint)
    }
}

/// One template rendered for one page, ready to produce its bytes: either a specialized path
/// filled with the page's values or the engine run on the page's view model.
///
/// It can itself be a slot value (the page content inside the `base` template). Immutable;
/// `@unchecked Sendable` because slot values and view models are `Any` (strings, immutable
/// view objects and rendered values).
final class SpecializedRender: SlotRenderable, @unchecked Sendable {
    enum Form {
        case spliced(SplicedTemplate, slots: [SlotValue])
        case engine(TemplateLibrary, name: String, context: [String: Any])
    }

    private let form: Form
    /// Hash of the template and of everything the template read from the view model.
    let fingerprint: UInt64

    init(_ form: Form, fingerprint: UInt64) {
        self.form = form
        self.fingerprint = fingerprint
    }

    func append(to output: inout [UInt8]) {
        switch form {
        case .spliced(let template, let slots): template.fill(slots, into: &output)
        case .engine(let templates, let name, let context): output.append(contentsOf: templates.render(name, context).utf8)
        }
    }

    /// The rendered bytes.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        append(to: &output)
        return output
    }

    var renderText: String { String(decoding: bytes, as: UTF8.self) }
    var isNull: Bool { false }
}
