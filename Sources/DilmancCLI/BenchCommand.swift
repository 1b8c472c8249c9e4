import ArgumentParser
import DilmancText
import Foundation
import Segmenting
import TranslationMemory

/// Reproducible measurements behind BENCHMARKS.md. Each compares Dilmanc with a
/// baseline measured in the same process and run, since the machines are noisy.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Dilmanc against a baseline (for BENCHMARKS.md).",
        discussion: "Build with -c release before measuring; a debug build is many times slower.",
        subcommands: [SegmentBench.self, LookupBench.self, CheckBench.self, AlignBench.self]
    )
}
