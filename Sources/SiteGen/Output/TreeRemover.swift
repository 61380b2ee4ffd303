
/// Deletes a folder tree without following symbolic links: files in parallel, then folders
/// deepest first.
///
/// Why not `FileManager.removeItem`: the trees it removes (a spare tree that can no longer be
/// trusted, a staging tree left by a killed build) have as many files as the site; parallel
/// `unlink` halves the wait on two cores.
enum TreeRemover {
    /// Removes `root` and everything below it; a missing `root` is fine.
    static func remove(_ root: BytePath) throws {
        guard let status = try SystemCalls.status(of: root) else { return }
        guard status.kind == .directory else {
            try SystemCalls.removeFile(root)
            return
        }
        let entries = try DirectoryWalker.entries(under: root)
        try FileSystemBatch.forEach(entries.filter { $0.kind != .directory }.map(\.path)) {
            try SystemCalls.removeFile(root.appending($0))
        }
        // Children before parents: the deepest folders first, each depth on all cores.
        let folders = Dictionary(grouping: entries.filter { $0.kind == .directory }.map(\.path)) { $0.bytes.count { $0 == BytePath.separator } }
        for depth in folders.keys.sorted(by: >) {
            try FileSystemBatch.forEach(folders[depth]!) { try SystemCalls.removeDirectory(root.appending($0)) }
        }
        try SystemCalls.removeDirectory(root)
    }
}
