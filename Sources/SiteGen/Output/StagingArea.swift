#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders next to the output that a write works in.
enum StagingArea {
    /// Creates the output's parent folder (and its parents) if missing, so that the lock file
    /// and the staging tree have somewhere to go.
    static func createParent(of location: OutputLocation) throws {
        var path = ""
        for component in location.parent.split(separator: "/") {
            path += "/" + component
            let bytes = BytePath(path)
            if try SystemCalls.status(of: bytes) != nil { continue }
            do {
                try SystemCalls.makeDirectory(bytes)
            } catch OutputError.fileSystem(_, _, EEXIST) {
                continue
            }
        }
    }

    /// Removes staging trees (and old trees awaiting deletion) left by a build that was killed.
    /// Only names `.<name>.sitegen-staging-<digits>` are touched; the caller holds the lock, so
    /// none of them is in use.
    static func removeLeftovers(of location: OutputLocation) throws {
        let prefix = Array(location.stagingPrefix.utf8)
        let parent = BytePath(location.parent)
        guard let stream = parent.withCString({ opendir($0) }) else {
            throw OutputError.fileSystem(operation: "list", path: location.parent, code: errno)
        }
        var leftovers: [BytePath] = []
        while let raw = readdir(stream) {
            let name = withUnsafeBytes(of: raw.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name.count > prefix.count, name.starts(with: prefix),
                  name[prefix.count...].allSatisfy({ (0x30...0x39).contains($0) })
            else { continue }
            leftovers.append(parent.appending(BytePath(bytes: name)))
        }
        closedir(stream)
        for leftover in leftovers {
            try TreeRemover.remove(leftover)
        }
    }
}
