import DilmancModels
import Foundation

extension TranslationUnit {
    /// This unit with the metadata of `other`, which turned out to be the
    /// same unit again (an import of the same texts) or a duplicate folded
    /// into it (`memory dedupe`): usage counts add up; the earliest creation
    /// and the latest change and use are kept; notes and properties unite;
    /// what this unit lacks (id, origin, context, source language, TMX
    /// provenance) comes from `other`. The texts are this unit's.
    ///
    /// ```swift
    /// let merged = stored.mergingMetadata(of: imported)   // usageCount: 2 + 3
    /// ```
    public func mergingMetadata(of other: TranslationUnit) -> TranslationUnit {
        var merged = self
        merged.usageCount += other.usageCount
        if (other.changed?.date ?? .distantPast) > (changed?.date ?? .distantPast) { merged.changed = other.changed }
        if created == nil || (other.created?.date ?? .distantFuture) < (created?.date ?? .distantFuture) { merged.created = other.created ?? created }
        if let used = other.lastUsed, used > (lastUsed ?? .distantPast) { merged.lastUsed = used }
        merged.notes += other.notes.filter { !notes.contains($0) }
        merged.properties += other.properties.filter { !properties.contains($0) }
        merged.tuid = tuid ?? other.tuid
        merged.origin = origin ?? other.origin
        merged.context = context ?? other.context
        merged.sourceLanguage = sourceLanguage ?? other.sourceLanguage
        merged.dataType = dataType ?? other.dataType
        merged.segmentation = segmentation ?? other.segmentation
        merged.originalEncoding = originalEncoding ?? other.originalEncoding
        merged.originalFormat = originalFormat ?? other.originalFormat
        return merged
    }
}
