
/// Bytes produced on demand by a pure function (a page's template rendering).
///
/// Compared by identity: two deferred pages are the same only if they are the same object.
public final class DeferredBytes: Sendable, Hashable {
    private let producer: @Sendable () -> [UInt8]

    /// Wraps a function that produces the bytes; it may be called from any thread.
    public init(_ producer: @escaping @Sendable () -> [UInt8]) {
        self.producer = producer
    }

    /// Produces the bytes (again on every call).
    public func make() -> [UInt8] { producer() }

    public static func == (lhs: DeferredBytes, rhs: DeferredBytes) -> Bool { lhs === rhs }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
