import SiteGen

/// What `sitegen serve` listens on and how it builds the site.
///
/// The server renders into memory, so `build.outputDirectory` is only used to keep the watcher
/// from reacting to a folder that `sitegen build` writes.
public struct ServeOptions: Sendable {
    /// The interface to bind; loopback by default so the preview is not exposed to the network.
    public var host: String
    /// The TCP port; 0 lets the system pick a free one (the printed URL shows the real port).
    public var port: Int
    /// How to render the site; `baseURLOverride` is replaced by the server's own origin.
    public var build: BuildOptions

    /// Creates options; by default the server listens on `127.0.0.1:8080` (`sitegen serve`
    /// passes its own default, 1313).
    public init(host: String = "127.0.0.1", port: Int = 8080, build: BuildOptions = BuildOptions()) {
        self.host = host
        self.port = port
        self.build = build
    }
}
