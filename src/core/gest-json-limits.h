/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a JSON text may hold before anyone builds a tree of it. json-glib parses nested
 * arrays and objects by recursion, so 100,000 `[` overflow the stack of the thread that
 * parses them, and every value costs a JsonNode (about 100 bytes) however short its text:
 * gest_json_limits_check() reads the text once, without allocating, and refuses it first. */
typedef struct
{
  guint max_depth;     /* arrays and objects inside one another */
  guint max_elements;  /* values and members in the whole text */
  gsize max_string;    /* bytes of one string (key or value), as written */
} GestJsonLimits;

#define GEST_JSON_MAX_DEPTH    64
#define GEST_JSON_MAX_ELEMENTS 250000
#define GEST_JSON_MAX_STRING   (1024 * 1024)

/* GEST_JSON_MAX_DEPTH, GEST_JSON_MAX_ELEMENTS and GEST_JSON_MAX_STRING. */
const GestJsonLimits *gest_json_limits_default (void);

/* FALSE, with GEST_ERROR_INVALID and a translated message, when @text (@len bytes, not
 * necessarily NUL-terminated) nests deeper, holds more elements or a longer string than
 * @limits allow (NULL: the defaults). It does not check that @text is valid JSON: a
 * parser does that after it, on a text that is then known to be safe to parse. */
gboolean gest_json_limits_check (const char            *text,
                                 gsize                  len,
                                 const GestJsonLimits  *limits,
                                 GError               **error);

G_END_DECLS
