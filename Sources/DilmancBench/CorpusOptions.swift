import ArgumentParser

/// The corpus and repetitions of the segmenting benchmarks.
struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of documents named NAME.LANG.txt, joined into the corpus.", valueName: "folder"))
    var corpus: String = "memories/documents"

    @Option(help: ArgumentHelp("Size of the corpus (the smallest, when scaling) in MB (10^6 bytes of UTF-8).", valueName: "MB"))
    var megabytes: Double = 10

    @Option(help: ArgumentHelp("Number of timed runs (per size); the median is reported.", valueName: "n"))
    var runs: Int = 5
}
