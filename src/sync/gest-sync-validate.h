/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Issue 16.6: the kinds of synced field and their checks, with the forms' validators
 * (src/core). The sync checks the shared entities' fields itself; a module checks its own
 * entities' fields with gest_sync_check_fields() from its GestEntityInfo's validate. */
typedef enum
{
  GEST_FIELD_TEXT,        /* one line of text */
  GEST_FIELD_LONG_TEXT,   /* notes, activity text: several lines */
  GEST_FIELD_INT,
  GEST_FIELD_MONEY,       /* integer centavos, never negative */
  GEST_FIELD_DATE,        /* yyyy-mm-dd, or empty */
  GEST_FIELD_UUID,        /* a reference to another record, or empty */
  GEST_FIELD_RFC,
  GEST_FIELD_VIN,
  GEST_FIELD_EMAIL,
  GEST_FIELD_PHONE,       /* 10 digits */
  GEST_FIELD_POSTAL,
  GEST_FIELD_STATE,
  GEST_FIELD_SHA256,      /* a document's content */
  GEST_FIELD_HASH,        /* an activity entry's chain hash, or empty */
} GestFieldKind;

typedef struct
{
  const char    *name;
  GestFieldKind  kind;
} GestFieldSpec;

/* NULL when every field of @specs that @fields holds passes its kind's check (null passes),
 * else why the first one does not (translated). */
char *gest_sync_check_fields (const GestFieldSpec *specs,
                              guint                n_specs,
                              JsonObject          *fields);

G_END_DECLS
