// libxml2, seen through plain C types, on the pattern of CDilmancICU: no Swift
// module sees libxml2's headers (Foundation on Linux links the same libxml2).
// This target wraps libxml2's streaming reader (xmlTextReader) for
// DilmancXML's XMLPullReader, which every XML reader of Dilmanc uses.
#ifndef DILMANC_XML_H
#define DILMANC_XML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A pull reader over one document: no tree, no network, no external
/// entities, and entities left unsubstituted. Opaque to Swift.
typedef struct dm_xml_reader dm_xml_reader;

/// Node kinds, as libxml2's xmlReaderTypes numbers them.
enum {
    DM_XML_ELEMENT = 1,
    DM_XML_TEXT = 3,
    DM_XML_CDATA = 4,
    DM_XML_ENTITY_REFERENCE = 5,
    DM_XML_DOCUMENT_TYPE = 10,
    DM_XML_WHITESPACE = 13,
    DM_XML_SIGNIFICANT_WHITESPACE = 14,
    DM_XML_END_ELEMENT = 15,
};

/// NULL when the file cannot be opened.
dm_xml_reader *dm_xml_reader_open_file(const char *path);
/// Reads `length` bytes at `bytes`, which must outlive the reader; `name`
/// is used in messages.
dm_xml_reader *dm_xml_reader_open_memory(const char *bytes, int64_t length, const char *name);
void dm_xml_reader_free(dm_xml_reader *reader);

/// Moves to the next node: 1 when there is one, 0 at the end of the
/// document, -1 on an error (see dm_xml_reader_error).
int dm_xml_reader_next(dm_xml_reader *reader);
int dm_xml_reader_node_type(dm_xml_reader *reader);
/// The node's qualified name ("seg", "xml:lang"), NUL-terminated UTF-8.
const char *dm_xml_reader_name(dm_xml_reader *reader);
/// The node's name without its prefix ("lang" for "xml:lang").
const char *dm_xml_reader_local_name(dm_xml_reader *reader);
/// The URI of the node's namespace, or NULL when it is in none.
const char *dm_xml_reader_namespace_uri(dm_xml_reader *reader);
/// The text of a text, CDATA or whitespace node (NULL for elements).
const char *dm_xml_reader_value(dm_xml_reader *reader);
/// 1 for an element written `<ph/>`: no end-element node follows.
int dm_xml_reader_is_empty_element(dm_xml_reader *reader);
/// Attributes of the current element, in document order: moves to the next
/// one (1) or back to the element when there are no more (0).
int dm_xml_reader_next_attribute(dm_xml_reader *reader);
/// How many bytes of the input the parser has consumed, for progress bars.
int64_t dm_xml_reader_bytes_consumed(dm_xml_reader *reader);
/// Where the parser is, 1-based: it reads ahead of the current node.
int dm_xml_reader_line(dm_xml_reader *reader);
int dm_xml_reader_column(dm_xml_reader *reader);
/// The line the current node starts on.
int dm_xml_reader_node_line(dm_xml_reader *reader);
/// The first error's message on one line (libxml2 puts the bytes of invalid
/// UTF-8 on a second one), with its line and column, when libxml2 gave them,
/// in *line and *column; or NULL.
const char *dm_xml_reader_error(dm_xml_reader *reader, int *line, int *column);
/// Whether the first error is an end tag that does not match its start tag
/// (libxml2 reports it after the end tag, possibly past the input's end).
int dm_xml_reader_error_is_tag_mismatch(dm_xml_reader *reader);

#ifdef __cplusplus
}
#endif

#endif
