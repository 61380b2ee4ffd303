/// A list of diagnostics that stages append to and the build prints at the end.
///
/// A value type on purpose: every stage returns its own, the build concatenates them, so no
/// stage shares mutable state with another (and parallel loaders merge theirs in order).
public struct Diagnostics: Sendable, Hashable, Sequence {
    /// The diagnostics in the order they were added.
    public private(set) var items: [Diagnostic] = []

    /// An empty list.
    public init() {}

    /// A list holding `items`.
    public init(_ items: [Diagnostic]) { self.items = items }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    /// Adds all of another list.
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    /// Adds an error.
    public mutating func error(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        items.append(.error(message, at: location, sourceLine: sourceLine))
    }

    /// Adds a warning.
    public mutating func warning(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        items.append(.warning(message, at: location, sourceLine: sourceLine))
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Only the errors.
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }

    /// Only the warnings.
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    /// The diagnostics sorted by file, line and column (site-wide ones first), then message:
    /// the order in which the build prints them, independent of thread scheduling.
    public var sorted: [Diagnostic] {
        items.sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): return a.message < b.message
            case (nil, _): return true
            case (_, nil): return false
            case let (la?, lb?): return la == lb ? a.message < b.message : la < lb
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { items.makeIterator() }
}
