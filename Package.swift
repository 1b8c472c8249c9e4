// swift-tools-version: 6.0
import PackageDescription

// Targets follow the layers, bottom up: models (values, no logic) → text
// primitives (ICU) → engines (segmenting, matching and indexing, terminology,
// alignment, drafting) → formats and stores, which know the models and never an
// engine → the application layer (Workflows) → front ends (the CLI, the
// benchmarks), which only parse, call and print.
// What the application layer stands on.
let belowWorkflows: [Target.Dependency] = [
    "DilmancModels", "DilmancFiles", "DilmancText", "Segmenting", "TranslationMemory", "Terminology", "Drafting", "Alignment", "Formats", "MemoryStore",
]
// The CLI sees the application layer, the values it passes (models, language
// tags, output sinks) and the argument parser: nothing it could run a workflow
// with by itself.
let frontEnd: [Target.Dependency] = ["Workflows", "DilmancModels", "DilmancFiles", .product(name: "ArgumentParser", package: "swift-argument-parser")]
// The benchmarks measure engines and stores directly, below the workflows.
let benchmarks: [Target.Dependency] = ["Workflows"] + belowWorkflows + [.product(name: "ArgumentParser", package: "swift-argument-parser")]

let package = Package(
    name: "Dilmanc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dilmanc", targets: ["dilmanc"]),
        .executable(name: "dilmanc-bench", targets: ["DilmancBench"]),
        .library(name: "Workflows", targets: ["Workflows"]),
        .library(name: "DilmancModels", targets: ["DilmancModels"]),
        .library(name: "Segmenting", targets: ["Segmenting"]),
        .library(name: "DilmancText", targets: ["DilmancText"]),
        .library(name: "TranslationMemory", targets: ["TranslationMemory"]),
        .library(name: "Formats", targets: ["Formats"]),
        .library(name: "Terminology", targets: ["Terminology"]),
        .library(name: "Drafting", targets: ["Drafting"]),
        .library(name: "Alignment", targets: ["Alignment"]),
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
        // libxml2's streaming reader and its own error messages, behind plain C
        // types (FoundationXML's XMLParser reports only numeric codes, and traps
        // on invalid UTF-8).
        .target(
            name: "CDilmancXML",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // Scanning UTF-16 text eight units at a time (SSE2), for the segmenter's
        // inventory pass. No library.
        .target(name: "CDilmancScan"),
        // Snowball stemmers from Debian's libstemmer, for Russian term inflection.
        .target(name: "CDilmancStemmer", linkerSettings: [.linkedLibrary("stemmer")]),
        // The values every layer speaks: translation units, tagged text, term
        // bases, drafts, findings, language tags. No logic of an engine, no file
        // format, no dependency.
        .target(name: "DilmancModels"),
        // The one way a file is written: temp file, fsync, rename, fsync the
        // folder; and standard output for `-`. No dependency.
        .target(name: "DilmancFiles"),
        .target(name: "DilmancText", dependencies: ["DilmancModels", "CDilmancICU", "CDilmancScan"]),
        // The one XML reader every format and the SRX rules are read with:
        // libxml2's pull reader, below both the engines and the formats.
        .target(name: "DilmancXML", dependencies: ["CDilmancXML"]),
        .target(
            name: "Segmenting",
            dependencies: ["DilmancModels", "DilmancText", "DilmancXML"],
            resources: [.copy("Rules")]
        ),
        .target(name: "TranslationMemory", dependencies: ["DilmancModels", "DilmancText"]),
        // Where memories live: SQLite files through GRDB, behind `MemoryStore`.
        .target(
            name: "MemoryStore",
            dependencies: ["DilmancModels", "TranslationMemory", "DilmancText", "DilmancFiles", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Term bases, term recognition through inflection, and the glossary check.
        .target(name: "Terminology", dependencies: ["DilmancModels", "DilmancText", "CDilmancStemmer"]),
        // Drafts: documents cut into units and segments, pre-filled from memory,
        // analysed by match band, and finalized back into documents.
        .target(name: "Drafting", dependencies: ["DilmancModels", "Segmenting", "TranslationMemory", "Terminology", "DilmancText"]),
        // Alignment of translated documents: Gale-Church lengths with anchors.
        .target(name: "Alignment", dependencies: ["DilmancModels", "Segmenting", "Terminology", "TranslationMemory", "DilmancText"]),
        // File formats parse and write; they know the models, not scoring or checking.
        .target(name: "Formats", dependencies: ["DilmancModels", "DilmancText", "DilmancFiles", "DilmancXML"]),
        // The application layer: every workflow a front end offers (opening
        // memories and glossaries, import and export, lookup, prefill, analysis,
        // finalize, check, terms, alignment) and their reports. The CLI and the
        // server call it and nothing below it.
        .target(
            name: "Workflows",
            dependencies: belowWorkflows
        ),
        // The command line: argument parsing, calls into Workflows, printing.
        .target(
            name: "DilmancCLI",
            dependencies: frontEnd
        ),
        .executableTarget(name: "dilmanc", dependencies: ["DilmancCLI"]),
        // The benchmarks behind BENCHMARKS.md, out of the user's binary.
        .executableTarget(
            name: "DilmancBench",
            dependencies: benchmarks
        ),
        .testTarget(name: "DilmancFilesTests", dependencies: ["DilmancFiles"]),
        .testTarget(name: "DilmancTextTests", dependencies: ["DilmancModels", "DilmancText"]),
        .testTarget(name: "DilmancXMLTests", dependencies: ["DilmancXML"]),
        .testTarget(
            name: "SegmentingTests",
            dependencies: ["DilmancModels", "Segmenting", "DilmancText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TranslationMemoryTests", dependencies: ["DilmancModels", "TranslationMemory", "DilmancText"]),
        .testTarget(name: "TerminologyTests", dependencies: ["DilmancModels", "Terminology", "DilmancText", "Formats"]),
        .testTarget(name: "AlignmentTests", dependencies: ["DilmancModels", "Alignment", "Segmenting", "Terminology", "Formats", "DilmancText"], exclude: ["Gold", "HeldOut"]),
        .testTarget(name: "DraftingTests", dependencies: ["DilmancModels", "Drafting", "Segmenting", "TranslationMemory", "Terminology", "DilmancText"]),
        .testTarget(name: "FormatsTests", dependencies: ["DilmancModels", "Formats", "TranslationMemory", "Terminology", "Drafting"], exclude: ["Schemas"]),
        .testTarget(name: "MemoryStoreTests", dependencies: ["DilmancModels", "MemoryStore", "TranslationMemory", "DilmancText"], exclude: ["Fixtures"]),
        .testTarget(name: "WorkflowsTests", dependencies: ["Workflows", "DilmancModels", "MemoryStore", "Formats", "Drafting", "DilmancFiles", "Segmenting"]),
        .testTarget(name: "DilmancCLITests", dependencies: ["DilmancCLI", "dilmanc"]),
    ],
    swiftLanguageModes: [.v6]
)
