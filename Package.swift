// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "perfdash",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "perfdash", targets: ["perfdash"]),
        .executable(name: "perfdash-bench", targets: ["perfdash-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The sigaction handler behind every caught signal: C, because a handler may only do async-signal-safe work.
        .target(name: "CSignals"),
        // ppoll(2) for the sampling thread's waits: nanosecond timeouts, which Swift's Glibc module does not show.
        .target(name: "CWait"),
        // libcurl's functions as forwarders that open it on the first https fetch (see pd_lazy_curl.c).
        .target(name: "CLazyCurl", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "PerfdashCore",
            dependencies: [
                "CWait",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PerfdashTUI",
            dependencies: ["PerfdashCore", "CNcursesw", "CSignals"]
        ),
        .target(
            name: "PerfdashDemo",
            dependencies: [
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "perfdash",
            dependencies: [
                "PerfdashCore", "PerfdashTUI", "PerfdashDemo", "CSignals", "CLazyCurl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "perfdash-bench",
            dependencies: ["PerfdashCore", "PerfdashTUI"]
        ),
        // libFuzzer targets for every input parser; `scripts/fuzz.sh` builds them with the sanitizers.
        .executableTarget(
            name: "perfdash-fuzz",
            dependencies: ["PerfdashCore", "PerfdashTUI", .product(name: "NIOCore", package: "swift-nio")],
            path: "Fuzz"
        ),
        // Helpers every test target shares: paths, child processes, loopback sockets, running the binary.
        .target(name: "PerfdashTestSupport", path: "Tests/PerfdashTestSupport"),
        .testTarget(name: "PerfdashCoreTests", dependencies: ["PerfdashCore", "PerfdashTestSupport"]),
        .testTarget(name: "PerfdashTUITests", dependencies: ["PerfdashTUI", "PerfdashCore", "PerfdashTestSupport"]),
        // perfdash-fuzz too: FuzzSeedTests replays every target's seeds and past crashes through it.
        .testTarget(name: "PerfdashCLITests",
                    dependencies: ["perfdash", "perfdash-fuzz", "PerfdashCore", "PerfdashTestSupport"]),
        .testTarget(
            name: "PerfdashDemoTests",
            dependencies: ["PerfdashDemo", "PerfdashTestSupport", .product(name: "NIOCore", package: "swift-nio")]
        ),
    ]
)

// One settings loop: every Swift target gets Swift 6 mode and the same strictness.
for target in package.targets where target.type != .system && !["CSignals", "CLazyCurl", "CWait"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
