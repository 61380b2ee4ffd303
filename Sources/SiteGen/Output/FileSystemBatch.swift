#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// File system operations on many paths at once, on all cores.
enum FileSystemBatch {
    /// Runs `body` for every path; the first failure in path order is thrown after all ran.
    static func forEach(_ paths: [BytePath], _ body: @Sendable (BytePath) throws -> Void) throws {
        let failures = DisjointSlots<any Error>(count: paths.count)
        ParallelWork.forEach(count: paths.count) { index in
            do { try body(paths[index]) } catch { failures.set(index, error) }
        }
        if let failure = (0..<paths.count).lazy.compactMap({ failures[$0] }).first { throw failure }
    }

    /// Creates `folders` (relative to `root`) parents before children, one depth at a time and
    /// each depth on all cores; returns the folders it created. A folder that already exists is
    /// an error unless `existingAllowed`; something other than a folder in the way always is.
    @discardableResult
    static func makeFolders(_ folders: some Collection<BytePath>, in root: BytePath, existingAllowed: Bool) throws -> Set<BytePath> {
        var created: Set<BytePath> = []
        let byDepth = Dictionary(grouping: folders) { $0.bytes.count { $0 == BytePath.separator } }
        for depth in byDepth.keys.sorted() {
            let level = byDepth[depth]!
            let outcomes = DisjointSlots<Result<Bool, any Error>>(count: level.count)
            ParallelWork.forEach(count: level.count) { index in
                let path = root.appending(level[index])
                outcomes.set(index, Result {
                    do {
                        try SystemCalls.makeDirectory(path)
                        return true
                    } catch OutputError.fileSystem(_, _, EEXIST) where existingAllowed {
                        guard try SystemCalls.status(of: path)?.kind == .directory else {
                            throw OutputError.fileSystem(operation: "create folder", path: path.description, code: EEXIST)
                        }
                        return false
                    }
                })
            }
            for (index, folder) in level.enumerated() where try outcomes[index]!.get() { created.insert(folder) }
        }
        return created
    }
}
