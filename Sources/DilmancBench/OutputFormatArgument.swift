import ArgumentParser
import Workflows

extension OutputFormat: ExpressibleByArgument {}
