/// A fixed-size buffer that parallel workers fill, each index written by exactly one worker.
///
/// Why `@unchecked Sendable`: `DispatchQueue.concurrentPerform` takes a `@Sendable` closure; the
/// buffer is safe because `ParallelWork` hands every index to one worker only and the buffer
/// is read only after all workers have returned.
final class DisjointSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    /// `count` empty slots.
    init(count: Int) {
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Sets slot `index`; call once per index, from the worker that owns it.
    func set(_ index: Int, _ value: Element) {
        storage[index] = value
    }

    /// Slot `index` (read after the parallel work is done).
    subscript(index: Int) -> Element? {
        storage[index]
    }
}
