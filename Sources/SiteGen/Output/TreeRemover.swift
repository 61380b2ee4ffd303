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
        for entry in entries.reversed() where entry.kind == .directory {
            try SystemCalls.removeDirectory(root.appending(entry.path))
        }
        try SystemCalls.removeDirectory(root)
    }
}
