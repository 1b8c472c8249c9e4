// The last parse error libxml2 recorded on this thread.
#include "dilmanc_xml.h"

#include <string.h>
#include <libxml/xmlerror.h>

static __thread char message[512];

const char *dm_xml_last_error_message(void) {
    const xmlError *error = xmlGetLastError();
    if (error == NULL || error->message == NULL) return NULL;
    strncpy(message, error->message, sizeof(message) - 1);
    message[sizeof(message) - 1] = 0;
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) message[--length] = 0;
    return message;
}
