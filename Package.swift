// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The engine's layers are separate targets; their small hot helpers (hashing, text width,
/// escaping) must still inline across them, as they did within one module.
let layer: [SwiftSetting] = strict + [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["SiteGenCLI"]),
        .library(name: "SiteGen", targets: ["SiteGen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in the graph through Hummingbird; declared so SiteGenServe can import them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Layers, lowest first; each target may import only those above it in this list.
        // Core: hashing, parallel work, text (CJK width, dates, escaping, slugs) and diagnostics.
        .target(
            name: "SiteGenCore",
            swiftSettings: layer
        ),
        // Markdown: libcmark → HTML, plain text for summaries, link positions (the only user of libcmark).
        .target(
            name: "SiteGenMarkdown",
            dependencies: ["SiteGenCore", "CCmark"],
            swiftSettings: layer
        ),
        // YAML: libyaml events → a YAML tree with positions, typed field readers (the only user of libyaml).
        .target(
            name: "SiteGenYAML",
            dependencies: ["SiteGenCore", "CLibYAML"],
            swiftSettings: layer
        ),
        .target(
            name: "SiteGen",
            dependencies: [
                "SiteGenCore",
                "SiteGenMarkdown",
                "SiteGenYAML",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: layer
        ),
        .target(
            name: "SiteGenServe",
            dependencies: [
                "SiteGen",
                "SiteGenCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SiteGenCLI",
            dependencies: [
                "SiteGen",
                "SiteGenCore",
                "SiteGenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // mimalloc (Debian's libmimalloc) replaces glibc's malloc for the whole process:
            // a build makes millions of small allocations on two threads.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "SiteGenTests",
            dependencies: ["SiteGen", "SiteGenCore", "SiteGenMarkdown", "SiteGenYAML"],
            exclude: ["Fixtures", "Snapshots"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SiteGenServeTests",
            dependencies: [
                "SiteGenServe",
                "SiteGen",
                "SiteGenCore",
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
