// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for every reader of Dilmanc, in a package of their own so
// that the project's `swift build` and `swift test` never compile them. Each
// target is one file (not main.swift, so it is compiled with
// -parse-as-library) exporting LLVMFuzzerTestOneInput; libFuzzer brings
// main. Build and run them with Tests/Fuzz/run (see FUZZING.md), which passes
// `--sanitize fuzzer --sanitize address` and a scratch path of their own.
let dilmanc = "Dilmanc"

/// A fuzz target: product `fuzz-NAME`, sources in `Sources/Fuzz<Name>`.
func fuzzTarget(_ name: String, _ target: String, _ modules: [String]) -> (Product, Target) {
    (
        .executable(name: "fuzz-\(name)", targets: [target]),
        .executableTarget(name: target, dependencies: modules.map { .product(name: $0, package: dilmanc) })
    )
}

let targets = [
    fuzzTarget("tmx", "FuzzTMX", ["Formats"]),
    fuzzTarget("tbx", "FuzzTBX", ["Formats"]),
    fuzzTarget("csv", "FuzzTermCSV", ["Formats"]),
    fuzzTarget("xliff-draft", "FuzzXLIFFDraft", ["Formats"]),
    fuzzTarget("xliff", "FuzzXLIFF", ["Formats"]),
    fuzzTarget("srx", "FuzzSRX", ["Segmenting"]),
    fuzzTarget("mo", "FuzzGettext", ["Formats"]),
    fuzzTarget("text", "FuzzTextDecoder", ["DilmancText"]),
    fuzzTarget("index", "FuzzIndexImage", ["TranslationMemory", "DilmancText"]),
]

let package = Package(
    name: "DilmancFuzz",
    products: targets.map(\.0),
    dependencies: [.package(name: dilmanc, path: "../..")],
    targets: targets.map(\.1),
    swiftLanguageModes: [.v6]
)
