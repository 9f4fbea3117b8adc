/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* X5: one entry of a record's activity log. Pure part: kinds and the canonical hash. */
typedef enum
{
  GEST_ACTIVITY_NOTE,
  GEST_ACTIVITY_CALL,
  GEST_ACTIVITY_EMAIL,
  GEST_ACTIVITY_LETTER,
  GEST_ACTIVITY_VISIT,
  GEST_ACTIVITY_STATUS,
  GEST_ACTIVITY_DOCUMENT,
  GEST_N_ACTIVITY_KINDS
} GestActivityKind;

typedef struct
{
  char             *record_uuid;     /* the record the entry belongs to */
  char             *origin;          /* the device whose chain it is in ("" before sync); not
                                      * part of the canonical form */
  gint64            seq;             /* 1, 2, 3... within the record and origin */
  gint64            at;              /* unix microseconds */
  char             *user_name;
  char             *user_role;       /* role id, see gest-roles.h */
  GestActivityKind  kind;
  char             *text;
  char             *contact_name;    /* nullable: person contacted */
  char             *contact_role;    /* nullable: their role ("titular", "cónyuge"...) */
  char             *prev_hash;       /* hex SHA-256 of the previous entry, "" for the first */
  char             *hash;            /* hex SHA-256(prev_hash || canonical entry) */
} GestActivityEntry;

const char *gest_activity_kind_id      (GestActivityKind kind);   /* "note", "call"... */
const char *gest_activity_kind_label   (GestActivityKind kind);   /* translated */
gboolean    gest_activity_kind_from_id (const char *id, GestActivityKind *out);

/* Canonical, unambiguous serialization (length-prefixed fields) of every field but the hashes. */
char       *gest_activity_canonical    (const GestActivityEntry *entry);
/* hex SHA-256 (prev_hash || canonical). */
char       *gest_activity_compute_hash (const GestActivityEntry *entry);
void        gest_activity_entry_clear  (GestActivityEntry *entry);
void        gest_activity_entry_free   (GestActivityEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestActivityEntry, gest_activity_entry_free)

G_END_DECLS
