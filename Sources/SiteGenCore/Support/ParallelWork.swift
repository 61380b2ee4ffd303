import Foundation

/// Runs independent items in parallel: file work on a couple of threads (`forEach`), CPU work
/// on all cores (`map`).
///
/// Why two workers: file creation is bound by the kernel's metadata locks, and the measured
/// gain flattens beyond two threads; the build machine has 2 cores shared with other work.
/// Items are dealt in blocks of 64 in turn (block 0 to worker 0, block 1 to worker 1, …) so
/// both workers get a similar mix of big and small files while neighbouring files (same folder)
/// stay on one worker.
package enum ParallelWork {
    /// Items per block.
    package static let blockSize = 64

    /// Calls `body` once for every index in `0..<count`, at most `workers` at a time.
    package static func forEach(count: Int, workers: Int = 2, _ body: @Sendable (Int) -> Void) {
        let blocks = (count + blockSize - 1) / blockSize
        let workerCount = max(1, min(workers, blocks))
        if workerCount == 1 {
            for index in 0..<count { body(index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            var block = worker
            while block < blocks {
                for index in (block * blockSize)..<min(count, (block + 1) * blockSize) {
                    body(index)
                }
                block += workerCount
            }
        }
    }

    /// `body` applied to every index of `0..<count` on all cores, results in index order.
    ///
    /// For CPU-bound work (parsing, rendering): contiguous chunks, several per core so that a
    /// slow chunk does not leave a core idle.
    package static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 8, count))
        let chunkSize = (count + chunks - 1) / chunks
        let slots = DisjointSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            let end = min(count, start + chunkSize)
            guard start < end else { return }
            for index in start..<end { slots.set(index, body(index)) }
        }
        return slots.takeAll()
    }
}
