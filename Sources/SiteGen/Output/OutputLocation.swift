#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder as a canonical parent folder plus a name, and the sibling paths the writer
/// uses next to it (staging tree, lock file).
///
/// Why the parent: the staging tree must sit on the same file system as the output for the
/// final rename and for hard links, and the lock must exist before the output does.
struct OutputLocation: Sendable, Hashable {
    /// Canonical absolute path of the folder that holds the output folder.
    var parent: String
    /// The output folder's name inside `parent`.
    var name: String

    /// Absolute path of the output folder.
    var path: String { parent == "/" ? "/" + name : parent + "/" + name }
    /// `path` as bytes.
    var bytePath: BytePath { BytePath(path) }
    /// The lock file: `<parent>/.<name>.sitegen-lock`.
    var lockPath: BytePath { BytePath(parentJoined(".\(name).sitegen-lock")) }
    /// Name prefix of staging trees (and of old trees waiting for removal).
    var stagingPrefix: String { ".\(name).sitegen-staging-" }
    /// This process's staging tree.
    var stagingPath: BytePath { BytePath(parentJoined(stagingPrefix + String(getpid()))) }

    /// The spare tree kept for the next write (`SpareTree`): `<parent>/.<name>.sitegen-spare`.
    var sparePath: BytePath { BytePath(parentJoined(".\(name).sitegen-spare")) }
    /// The record of the last write that the spare catches up from.
    var spareRecordPath: BytePath { BytePath(parentJoined(".\(name).sitegen-spare-record")) }

    private func parentJoined(_ child: String) -> String {
        parent == "/" ? "/" + child : parent + "/" + child
    }

    /// Resolves `directory` (relative to the working folder, may not exist yet). Symbolic links
    /// in the parent path are resolved; the last component is kept as given so that a symlink
    /// there can be refused.
    init(resolving directory: String) throws {
        self = try Self.resolve(directory)
    }

    /// A location from its parts.
    init(parent: String, name: String) {
        self.parent = parent
        self.name = name
    }

    private static func resolve(_ directory: String) throws -> OutputLocation {
        var absolute = directory
        if !absolute.hasPrefix("/") {
            let workingDirectory = SystemCalls.realPath(".") ?? "/"
            absolute = workingDirectory + "/" + directory
        }
        var components = absolute.split(separator: "/").map(String.init)
        while let last = components.last, last == "." {
            components.removeLast()
        }
        guard let last = components.popLast() else {
            throw OutputError.outputIsRoot
        }
        if last == ".." {
            // `x/..` names x's parent: let the system resolve it; it has to exist.
            guard let resolved = SystemCalls.realPath(absolute) else {
                throw OutputError.fileSystem(operation: "find", path: directory, code: ENOENT)
            }
            return try resolve(resolved)
        }
        return OutputLocation(parent: canonical("/" + components.joined(separator: "/")), name: last)
    }

    /// The canonical form of a path whose leading part may not exist yet: the longest existing
    /// prefix goes through `realpath`, the rest is appended as written.
    static func canonical(_ absolutePath: String) -> String {
        var existing = absolutePath.split(separator: "/").map(String.init)
        var missing: [String] = []
        while true {
            let candidate = "/" + existing.joined(separator: "/")
            if let resolved = SystemCalls.realPath(candidate) {
                var result = resolved
                for component in missing.reversed() where component != "." {
                    result = (result == "/" ? "" : result) + "/" + component
                }
                return result
            }
            guard let last = existing.popLast() else { return absolutePath }
            missing.append(last)
        }
    }
}
