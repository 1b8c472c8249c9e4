// swift-tools-version: 6.0
import PackageDescription

// Targets follow the pipeline: text primitives (ICU) → segmenting, translation
// memory → CLI.
// Later concerns (memory, alignment, terminology, formats) get targets of their own.
let package = Package(
    name: "Dilmanc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dilmanc", targets: ["dilmanc"]),
        .library(name: "Segmenting", targets: ["Segmenting"]),
        .library(name: "DilmancText", targets: ["DilmancText"]),
        .library(name: "TranslationMemory", targets: ["TranslationMemory"]),
        .library(name: "Formats", targets: ["Formats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Every ICU call lives in this C target. Its public header includes no ICU
        // header, so Swift modules never see ICU's types next to Foundation's own ICU.
        .target(
            name: "CDilmancICU",
            linkerSettings: [
                .linkedLibrary("icuuc"),
                .linkedLibrary("icui18n"),
                .linkedLibrary("icudata"),
            ]
        ),
        // libxml2's own error messages, for the XML readers (FoundationXML parses
        // with the same libxml2 but reports only numeric codes).
        .target(
            name: "CDilmancXML",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        .target(name: "DilmancText", dependencies: ["CDilmancICU", "CDilmancXML"]),
        .target(
            name: "Segmenting",
            dependencies: ["DilmancText"],
            resources: [.copy("Rules")]
        ),
        .target(name: "TranslationMemory", dependencies: ["DilmancText"]),
        // Where memories live: SQLite files through GRDB, behind `MemoryStore`.
        .target(
            name: "MemoryStore",
            dependencies: ["TranslationMemory", "DilmancText", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // File formats parse and write; they know the memory's model, not its scoring.
        .target(name: "Formats", dependencies: ["TranslationMemory", "DilmancText", "CDilmancXML"]),
        .target(
            name: "DilmancCLI",
            dependencies: [
                "Segmenting",
                "DilmancText",
                "TranslationMemory",
                "MemoryStore",
                "Formats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dilmanc", dependencies: ["DilmancCLI"]),
        .testTarget(name: "DilmancTextTests", dependencies: ["DilmancText"]),
        .testTarget(
            name: "SegmentingTests",
            dependencies: ["Segmenting", "DilmancText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TranslationMemoryTests", dependencies: ["TranslationMemory", "DilmancText"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "TranslationMemory"]),
        .testTarget(name: "MemoryStoreTests", dependencies: ["MemoryStore", "TranslationMemory", "DilmancText"]),
        .testTarget(name: "DilmancCLITests", dependencies: ["DilmancCLI", "dilmanc"]),
    ],
    swiftLanguageModes: [.v6]
)
