// libxml2's xmlTextReader behind plain C types (see dilmanc_xml.h).
#include "dilmanc_xml.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>

struct dm_xml_reader {
    xmlTextReaderPtr reader;
    char error[512];
    int error_line;
    int error_column;
    int error_code;
};

// A message on one line: trailing line breaks and spaces dropped, inner
// line breaks made spaces ("Input is not proper UTF-8, indicate encoding !\n
// Bytes: 0xFF…").
static void make_one_line(char *message) {
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) message[--length] = 0;
    for (size_t i = 0; i < length; i++) {
        if (message[i] == '\n') message[i] = ' ';
    }
}

// Keeps the first error, with libxml2's own line and column.
static void record_error(void *context, const xmlError *error) {
    struct dm_xml_reader *self = context;
    if (self->error[0] != 0 || error == NULL || error->level < XML_ERR_ERROR) return;
    strncpy(self->error, error->message ? error->message : "malformed XML", sizeof(self->error) - 1);
    self->error[sizeof(self->error) - 1] = 0;
    make_one_line(self->error);
    self->error_line = error->line;
    self->error_column = error->int2;
    self->error_code = error->code;
}

// Some faults (an encoding the bytes cannot be converted from) go to
// libxml2's generic error handler, not the reader's: they printed raw lines
// on stderr and left "malformed XML" as the only cause. The handler is
// per thread; the reader being read on this thread keeps the first message.
static void record_generic(void *context, const char *format, ...) {
    struct dm_xml_reader *self = context;
    if (self == NULL || self->error[0] != 0) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(self->error, sizeof(self->error), format, arguments);
    va_end(arguments);
    make_one_line(self->error);
}

// After a reader is freed, generic errors are dropped rather than printed.
static void ignore_generic(void *context, const char *format, ...) {
    (void)context;
    (void)format;
}

// No network, no DTD loading, no entity substitution; libxml2's default size
// limits stay on (no XML_PARSE_HUGE), which caps entity expansion.
static const int options = XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;

static dm_xml_reader *wrap(xmlTextReaderPtr reader) {
    if (reader == NULL) return NULL;
    struct dm_xml_reader *self = calloc(1, sizeof(struct dm_xml_reader));
    if (self == NULL) {
        xmlFreeTextReader(reader);
        return NULL;
    }
    self->reader = reader;
    xmlTextReaderSetStructuredErrorHandler(reader, (xmlStructuredErrorFunc)record_error, self);
    xmlSetGenericErrorFunc(self, (xmlGenericErrorFunc)record_generic);
    return self;
}

dm_xml_reader *dm_xml_reader_open_file(const char *path) {
    return wrap(xmlReaderForFile(path, NULL, options));
}

dm_xml_reader *dm_xml_reader_open_memory(const char *bytes, int64_t length, const char *name) {
    if (length > INT32_MAX) return NULL;
    return wrap(xmlReaderForMemory(bytes, (int)length, name, NULL, options));
}

void dm_xml_reader_free(dm_xml_reader *self) {
    if (self == NULL) return;
    xmlFreeTextReader(self->reader);
    xmlSetGenericErrorFunc(NULL, (xmlGenericErrorFunc)ignore_generic);
    free(self);
}

int dm_xml_reader_next(dm_xml_reader *self) {
    // An error found while reading ahead shows only once the reader gets
    // there: the nodes before it are still delivered.
    return xmlTextReaderRead(self->reader);
}

int dm_xml_reader_node_type(dm_xml_reader *self) { return xmlTextReaderNodeType(self->reader); }

const char *dm_xml_reader_name(dm_xml_reader *self) { return (const char *)xmlTextReaderConstName(self->reader); }

const char *dm_xml_reader_local_name(dm_xml_reader *self) { return (const char *)xmlTextReaderConstLocalName(self->reader); }

const char *dm_xml_reader_namespace_uri(dm_xml_reader *self) { return (const char *)xmlTextReaderConstNamespaceUri(self->reader); }

const char *dm_xml_reader_value(dm_xml_reader *self) { return (const char *)xmlTextReaderConstValue(self->reader); }

int dm_xml_reader_is_empty_element(dm_xml_reader *self) { return xmlTextReaderIsEmptyElement(self->reader) == 1; }

int dm_xml_reader_next_attribute(dm_xml_reader *self) {
    if (xmlTextReaderMoveToNextAttribute(self->reader) == 1) return 1;
    xmlTextReaderMoveToElement(self->reader);
    return 0;
}

int64_t dm_xml_reader_bytes_consumed(dm_xml_reader *self) { return (int64_t)xmlTextReaderByteConsumed(self->reader); }

int dm_xml_reader_line(dm_xml_reader *self) { return xmlTextReaderGetParserLineNumber(self->reader); }

int dm_xml_reader_node_line(dm_xml_reader *self) {
    xmlNodePtr node = xmlTextReaderCurrentNode(self->reader);
    return node == NULL ? xmlTextReaderGetParserLineNumber(self->reader) : (int)xmlGetLineNo(node);
}

int dm_xml_reader_column(dm_xml_reader *self) { return xmlTextReaderGetParserColumnNumber(self->reader); }

int dm_xml_reader_error_is_tag_mismatch(dm_xml_reader *self) { return self->error_code == XML_ERR_TAG_NAME_MISMATCH; }

const char *dm_xml_reader_error(dm_xml_reader *self, int *line, int *column) {
    if (self->error[0] == 0) return NULL;
    *line = self->error_line;
    *column = self->error_column;
    return self->error;
}
