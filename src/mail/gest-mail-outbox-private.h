/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-mail-outbox.h"

G_BEGIN_DECLS

/* Shared by gest-mail-outbox.c (queueing, listing) and gest-mail-outbox-sending.c (the
 * sender's claims and outcomes). */

#define ENTRY_COLUMNS "uuid, record_uuid, recipient, subject, body, attachments, state, attempts," \
                      " next_attempt, last_error, created_at, sent_at, module, purpose"

/* Indexed by GestMailState: the values of mail_outbox.state. */
extern const char * const gest_mail_outbox_state_ids[4];

const char          *gest_mail_outbox_column_text    (sqlite3_stmt *stmt,
                                                      int           column);
/* A row selected with ENTRY_COLUMNS. */
GestMailOutboxEntry *gest_mail_outbox_entry_from_row (sqlite3_stmt *stmt);
/* Rows of @sql (ENTRY_COLUMNS, at most one text parameter @param). */
GPtrArray           *gest_mail_outbox_query          (GestStore    *store,
                                                      const char   *sql,
                                                      const char   *param,
                                                      GError      **error);

G_END_DECLS
