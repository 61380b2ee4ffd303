import Mustache

/// A view-model dictionary shared by many pages (an article's list entry, the site block),
/// with its fingerprint computed once instead of on every page that shows it.
///
/// Templates read it like a dictionary. Immutable after `init`, hence safe to share between
/// render workers.
final class ViewObject: MustacheParent, Fingerprinted, @unchecked Sendable {
    /// The fields templates can read.
    let fields: [String: Any]
    let fingerprint: UInt64

    init(_ fields: [String: Any]) {
        self.fields = fields
        fingerprint = Fingerprint.of(seed: 0, fields)
    }

    /// A view object whose fingerprint the caller already computed from the same fields.
    init(_ fields: [String: Any], fingerprint: UInt64) {
        self.fields = fields
        self.fingerprint = fingerprint
    }

    func child(named name: String) -> Any? { fields[name] }
}
