/// A fixed-size buffer that parallel workers fill, each index written by exactly one worker.
///
/// Why `@unchecked Sendable`: `DispatchQueue.concurrentPerform` takes a `@Sendable` closure; the
/// buffer is safe because `ParallelWork` hands every index to one worker only and the buffer
/// is read only after all workers have returned.
package final class DisjointSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>
    private let count: Int
    /// Whether `takeAll()` moved the values out (the slots are then uninitialized).
    private var taken = false

    /// `count` empty slots.
    package init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil)
    }

    deinit {
        if !taken { storage.deinitialize() }
        storage.deallocate()
    }

    /// Moves every value out, in index order, without copying (a copy of a value holding many
    /// strings retains each of them). Every slot must be set; call once, after the work is done.
    package func takeAll() -> [Element] {
        precondition(!taken, "DisjointSlots.takeAll called twice")
        taken = true
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                guard let value = storage.moveElement(from: index) else { preconditionFailure("slot \(index) was never set") }
                buffer.initializeElement(at: index, to: value)
            }
            initialized = count
            if count == 0 { storage.deinitialize() }
        }
    }

    /// Sets slot `index`; call once per index, from the worker that owns it.
    package func set(_ index: Int, _ value: Element) {
        storage[index] = value
    }

    /// Slot `index` (read after the parallel work is done, and not after `takeAll()`).
    package subscript(index: Int) -> Element? {
        precondition(!taken, "DisjointSlots read after takeAll")
        return storage[index]
    }
}
