/// Deletes a folder tree without following symbolic links: files in parallel, then folders
/// deepest first.
///
/// Why not `FileManager.removeItem`: the old output has as many files as the site, and this
/// runs after every build; parallel `unlink` halves the wait on two cores.
enum TreeRemover {
    /// Removes `root` and everything below it; a missing `root` is fine.
    static func remove(_ root: BytePath) throws {
        guard let status = try SystemCalls.status(of: root) else { return }
        guard status.kind == .directory else {
            try SystemCalls.removeFile(root)
            return
        }
        let entries = try DirectoryWalker.entries(under: root)
        let files = entries.filter { $0.kind != .directory }
        let failures = DisjointSlots<OutputError>(count: files.count)
        ParallelWork.forEach(count: files.count) { index in
            do {
                try SystemCalls.removeFile(root.appending(files[index].path))
            } catch {
                failures.set(index, error as? OutputError ?? .fileSystem(operation: "remove", path: files[index].path.description, code: 0))
            }
        }
        for index in files.indices {
            if let failure = failures[index] { throw failure }
        }
        // Children before parents: the deepest folders first, each depth on two threads.
        let folders = Dictionary(grouping: entries.filter { $0.kind == .directory }) { $0.path.bytes.count { $0 == UInt8(ascii: "/") } }
        for depth in folders.keys.sorted(by: >) {
            let level = folders[depth]!
            let failures = DisjointSlots<any Error>(count: level.count)
            ParallelWork.forEach(count: level.count) { index in
                do { try SystemCalls.removeDirectory(root.appending(level[index].path)) } catch { failures.set(index, error) }
            }
            if let failure = (0..<level.count).lazy.compactMap({ failures[$0] }).first { throw failure }
        }
        try SystemCalls.removeDirectory(root)
    }
}
