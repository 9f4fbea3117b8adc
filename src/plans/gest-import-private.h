/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-import-row.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The bulk writer of an import (gest-import-write.c): one transaction, prepared statements,
 * the search index and the sync outbox filled after the rows instead of row by row. */
typedef struct _GestImportWriter GestImportWriter;

/* BEGIN IMMEDIATE and the permission check. */
GestImportWriter *gest_import_writer_begin  (GestStore               *store,
                                             GestImportKind           kind,
                                             GError                 **error);
gboolean          gest_import_writer_write  (GestImportWriter        *self,
                                             const GestImportRecord  *record,
                                             GError                 **error);
/* The index, the outbox, the log entry; then COMMIT. Frees @self either way. */
gboolean          gest_import_writer_commit (GestImportWriter        *self,
                                             const char              *file_name,
                                             guint                    refused,
                                             guint                   *out_created,
                                             guint                   *out_updated,
                                             guint                   *out_unchanged,
                                             GError                 **error);
/* Rolls back: nothing written. Frees @self. */
void              gest_import_writer_abort  (GestImportWriter        *self);

G_END_DECLS
