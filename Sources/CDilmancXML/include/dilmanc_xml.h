// libxml2, seen through plain C types, on the pattern of CDilmancICU: Foundation
// on Linux parses XML with the same libxml2, so no Swift module sees its
// headers; this target only reads what libxml2 recorded about a failure.
#ifndef DILMANC_XML_H
#define DILMANC_XML_H

#ifdef __cplusplus
extern "C" {
#endif

/// libxml2's message for the last error on this thread ("Opening and ending
/// tag mismatch: seg line 1 and tuv"), without its trailing newline, or NULL.
/// Valid until the next libxml2 call on this thread.
const char *dm_xml_last_error_message(void);

#ifdef __cplusplus
}
#endif

#endif
