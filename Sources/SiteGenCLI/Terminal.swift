import Foundation

/// Writes to standard output and error without dying when the reader has gone away
/// (`sitegen serve | head`): a closed pipe is not worth a crash.
enum Terminal {
    /// Makes a closed pipe an error to ignore instead of a signal that ends the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output; failures are ignored.
    static func out(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Writes `text` to standard error; failures are ignored.
    static func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
