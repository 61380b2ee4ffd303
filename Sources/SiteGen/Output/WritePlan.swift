import SiteGenCore

/// The output files checked and indexed before anything on disk is touched.
///
/// Why a separate step: every path problem must be reported while the output is still
/// untouched, and the writer needs the set of folders to create them once, in one pass.
struct WritePlan: Sendable {
    /// The files, in the caller's order.
    var files: [OutputFile]
    /// Each file's path as bytes, parallel to `files`.
    var paths: [BytePath]
    /// Index of every file path.
    var fileIndex: [BytePath: Int]
    /// Every folder the files need (relative), in no particular order.
    var directories: Set<BytePath>

    /// Validates `files`: safe paths, no duplicates, no path both a file and a folder, no use of
    /// the manifest's name.
    init(_ files: [OutputFile]) throws {
        // Each path is checked and converted on all cores; the indexes are built in order, so
        // the first bad path in `files` is the one reported.
        let checked = ParallelWork.map(files.count) { index -> (path: BytePath, problem: String?) in
            (BytePath(files[index].path), OutputPathRules.problem(with: files[index].path))
        }
        var paths: [BytePath] = []
        var fileIndex: [BytePath: Int] = [:]
        var directories: Set<BytePath> = []
        paths.reserveCapacity(files.count)
        fileIndex.reserveCapacity(files.count)
        for index in files.indices {
            if let problem = checked[index].problem {
                throw OutputError.unsafePath(path: files[index].path, reason: problem)
            }
            if files[index].path == OutputManifest.fileName {
                throw OutputError.reservedPath(files[index].path)
            }
            let path = checked[index].path
            guard fileIndex.updateValue(index, forKey: path) == nil else {
                throw OutputError.duplicatePath(files[index].path)
            }
            paths.append(path)
            // Files come sorted by path, so most share the folder of the file before: known.
            if let last = paths.dropLast().last, path.hasSameFolder(as: last) { continue }
            // Innermost folder first: most other files share a folder already seen, whose own
            // ancestors were added with it.
            var end = path.bytes.count
            while let separator = path.bytes[..<end].lastIndex(of: BytePath.separator),
                  directories.insert(BytePath(bytes: Array(path.bytes[..<separator]))).inserted {
                end = separator
            }
        }
        for directory in directories where fileIndex[directory] != nil {
            throw OutputError.fileAndFolder(directory.description)
        }
        self.files = files
        self.paths = paths
        self.fileIndex = fileIndex
        self.directories = directories
    }
}
