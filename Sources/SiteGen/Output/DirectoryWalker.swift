#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a folder tree with `readdir`, without following symbolic links.
///
/// Why not FileManager's enumerator: it stats every entry and returns `String` names (which
/// repair invalid UTF-8); `readdir`'s entry type is enough here and names stay raw bytes.
enum DirectoryWalker {
    /// One entry below the walked root.
    struct Entry: Sendable, Hashable {
        /// Path relative to the root.
        var path: BytePath
        /// Entry kind, as reported by `readdir` (or `lstat` where the file system does not say).
        var kind: FileStatus.Kind
        /// For folders: whether it has no entries.
        var isEmptyDirectory: Bool
    }

    /// Every entry below `root` in pre-order (a folder before its contents).
    static func entries(under root: BytePath) throws -> [Entry] {
        // The top-level folders are walked in parallel (an output folder holds tens of
        // thousands of files); the result is in the same order as a serial walk.
        let children = try list(root)
        let subtrees = ParallelWork.map(children.count) { index -> Result<[Entry], any Error> in
            guard children[index].kind == .directory else { return .success([]) }
            return Result {
                var entries: [Entry] = []
                try walk(root.appending(children[index].name), relative: children[index].name, into: &entries)
                return entries
            }
        }
        var result: [Entry] = []
        for (child, subtree) in zip(children, subtrees) {
            let entries = try subtree.get()
            result.append(Entry(path: child.name, kind: child.kind, isEmptyDirectory: child.kind == .directory && entries.isEmpty))
            result.append(contentsOf: entries)
        }
        return result
    }

    /// The names and kinds of a folder's entries, sorted by name.
    private static func list(_ absolute: BytePath) throws -> [(name: BytePath, kind: FileStatus.Kind)] {
        guard let stream = absolute.withCString({ opendir($0) }) else {
            throw OutputError.fileSystem(operation: "list", path: absolute.description, code: errno)
        }
        var children: [(name: BytePath, kind: FileStatus.Kind)] = []
        while true {
            errno = 0
            guard let raw = readdir(stream) else {
                if errno != 0 {
                    let code = errno
                    closedir(stream)
                    throw OutputError.fileSystem(operation: "list", path: absolute.description, code: code)
                }
                break
            }
            let name = withUnsafeBytes(of: raw.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let child = BytePath(bytes: name)
            let kind: FileStatus.Kind
            switch Int32(raw.pointee.d_type) {
            case Int32(DT_REG): kind = .regular
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = try SystemCalls.status(of: absolute.appending(child))?.kind ?? .other
            default: kind = .other
            }
            children.append((child, kind))
        }
        closedir(stream)
        children.sort { $0.name < $1.name }
        return children
    }

    private static func walk(_ absolute: BytePath, relative: BytePath, into result: inout [Entry]) throws {
        for child in try list(absolute) {
            let childRelative = relative.appending(child.name)
            let index = result.count
            result.append(Entry(path: childRelative, kind: child.kind, isEmptyDirectory: false))
            if child.kind == .directory {
                try walk(absolute.appending(child.name), relative: childRelative, into: &result)
                result[index].isEmptyDirectory = result.count == index + 1
            }
        }
    }
}
