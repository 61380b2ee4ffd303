import Foundation

/// A fixed number of result slots that parallel workers fill, each its own slot, read back in
/// order once all have finished. Keeps parallel output deterministic.
final class ParallelResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    /// Creates `count` empty slots.
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Fills slot `index`.
    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values in slot order; every slot must have been filled.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Runs `body` over `0..<count` on all cores in contiguous chunks and returns the results in
/// index order.
func parallelMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count))
    let chunk = (count + workers - 1) / workers
    let results = ParallelResults<[T]>(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let start = worker * chunk
        let end = min(count, start + chunk)
        var part: [T] = []
        if start < end {
            part.reserveCapacity(end - start)
            for index in start..<end { part.append(body(index)) }
        }
        results.set(worker, part)
    }
    return results.values.flatMap { $0 }
}
