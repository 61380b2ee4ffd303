#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished staging tree in place of the output folder in one rename, and makes the
/// staged bytes durable first.
///
/// Why: readers (a web server, rsync) must see either the whole old site or the whole new one.
/// Linux's `renameat2(RENAME_EXCHANGE)` swaps two folders atomically, so there is never a moment
/// without an output folder. Swift's Glibc module does not export `renameat2` or `syncfs`
/// (they sit behind `_GNU_SOURCE`) and cannot call the variadic `syscall()`, so both are looked
/// up in the C library at run time (glibc has exported them since 2.28 and 2.14).
enum AtomicSwap {
    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private typealias SyncFS = @convention(c) (Int32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1
    private static let renameNoReplace: UInt32 = 1 << 0

    private static func libraryFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let library = dlopen(nil, RTLD_NOW), let symbol = dlsym(library, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
    #endif

    /// Swaps the folders at `staging` and `output`: afterwards `output` holds the new tree and
    /// `staging` the old one.
    static func exchange(_ staging: BytePath, _ output: BytePath) throws {
        try rename(staging, output, exchanging: true)
    }

    /// Moves `staging` to `output`, which must not exist (first build).
    static func moveIntoPlace(_ staging: BytePath, _ output: BytePath) throws {
        try rename(staging, output, exchanging: false)
    }

    private static func rename(_ staging: BytePath, _ output: BytePath, exchanging: Bool) throws {
        #if os(Linux)
        guard let renameAt2 = libraryFunction("renameat2", as: RenameAt2.self) else {
            throw OutputError.fileSystem(operation: "swap in (renameat2 is missing from the C library)", path: output.description, code: ENOSYS)
        }
        let flags = exchanging ? renameExchange : renameNoReplace
        let result = staging.withCString { from in output.withCString { to in renameAt2(AT_FDCWD, from, AT_FDCWD, to, flags) } }
        #else
        let flags = exchanging ? UInt32(RENAME_SWAP) : UInt32(RENAME_EXCL)
        let result = staging.withCString { from in output.withCString { to in renamex_np(from, to, flags) } }
        #endif
        guard result == 0 else {
            let operation = exchanging ? "atomically swap the new site into" : "move the new site to"
            throw OutputError.fileSystem(operation: operation, path: output.description, code: errno)
        }
    }

    /// Flushes the file system that holds `folder` to disk (Linux `syncfs`: one call for every
    /// staged file instead of one `fsync` per file); `fsync` of the folder elsewhere.
    static func syncFileSystem(containing folder: BytePath) throws {
        let descriptor = try SystemCalls.openDirectory(folder)
        defer { close(descriptor) }
        #if os(Linux)
        let result: Int32
        if let syncFS = libraryFunction("syncfs", as: SyncFS.self) {
            result = syncFS(descriptor)
        } else {
            sync()
            result = 0
        }
        #else
        let result = fsync(descriptor)
        #endif
        guard result == 0 else {
            throw OutputError.fileSystem(operation: "flush to disk", path: folder.description, code: errno)
        }
    }

    /// `fsync` of a folder, so that a rename inside it survives a power loss.
    static func syncDirectory(_ folder: BytePath) throws {
        let descriptor = try SystemCalls.openDirectory(folder)
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw OutputError.fileSystem(operation: "flush to disk", path: folder.description, code: errno)
        }
    }
}
