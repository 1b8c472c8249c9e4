import ArgumentParser
import DilmancText
import Foundation
import Workflows
import Segmenting
import TranslationMemory

/// Reproducible measurements behind BENCHMARKS.md. Each compares Dilmanc with a
/// baseline measured in the same process and run, since the machines are noisy.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dilmanc-bench",
        abstract: "Measure Dilmanc against a baseline (for BENCHMARKS.md).",
        discussion: """
        Build with -c release before measuring; a debug build is many times slower.

        EXAMPLES
          swift build -c release
          .build/release/dilmanc-bench segment --help
          .build/release/dilmanc-bench lookup --help

        EXIT STATUS
          0  the measurement ran
          2  usage error or bad input
          3  internal error
        """,
        subcommands: [SegmentBench.self, SegmentScalingBench.self, LookupBench.self, WriteBench.self, CheckBench.self, AlignBench.self]
    )
}
