/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-import-mapping.h"
#include "gest-import-reader.h"
#include "gest-store.h"
#include "gest-user.h"

G_BEGIN_DECLS

/* Imports customers, vehicles or plans from a CSV or XLSX export (issue 12): every row is read
 * and checked; the valid ones are written in one transaction, which commits only once the
 * last row has been checked; the invalid ones are never written and each problem is listed by
 * row and column. Keys: a customer's RFC (a generic RFC keys nothing), a vehicle's VIN, a
 * plan's number, so an import run twice updates instead of duplicating. */

/* At most this many problems are kept (all are counted). */
#define GEST_IMPORT_MAX_ISSUES 100000

typedef struct
{
  guint  row;        /* the file's line (CSV) or row (XLSX) */
  char  *column;     /* the file's header of the column, "" for the whole row */
  char  *message;    /* translated */
} GestImportIssue;

typedef struct
{
  GestImportKind  kind;
  char           *file_name;       /* basename */
  const char     *encoding;        /* static */
  char            separator;
  guint           n_rows;          /* data rows read */
  guint           n_valid;
  guint           n_invalid;
  guint           n_created;       /* 0 on a dry run */
  guint           n_updated;
  guint           n_unchanged;
  guint           n_issues;        /* all of them; issues keeps the first GEST_IMPORT_MAX_ISSUES */
  GPtrArray      *issues;          /* GestImportIssue * */
  char           *ignored_columns; /* headers no field takes, or NULL */
  gboolean        written;
} GestImportResult;

void     gest_import_result_free          (GestImportResult  *result);
/* Writes the problems as CSV (UTF-8): Row,Column,Message. */
gboolean gest_import_result_export_errors (const GestImportResult *result,
                                           const char        *path,
                                           GError           **error);

/* The first rows of a file, to show before importing. */
typedef struct
{
  GestImportFormat   format;
  const char        *encoding;     /* static */
  char               separator;
  GestImportMapping *mapping;      /* from the headers (remembered or by synonyms) */
  GPtrArray         *rows;         /* GStrv: the first data rows */
} GestImportPreview;

GestImportPreview *gest_import_preview      (GestStore          *store,
                                             const char         *path,
                                             GestImportKind      kind,
                                             guint               n_rows,
                                             GError            **error);
void               gest_import_preview_free (GestImportPreview  *preview);

/* Progress: rows read so far, bytes read of the file's size. */
typedef void (*GestImportProgressFunc) (guint     rows,
                                        goffset   position,
                                        goffset   size,
                                        gpointer  user_data);

/* Reads and checks @path as @kind with @mapping (NULL: from the headers); unless @dry_run
 * writes the valid rows as the store's user, who needs GEST_PERMISSION_IMPORT, appends one
 * activity entry and remembers @mapping when given. FALSE with GEST_ERROR_INVALID for an
 * unreadable file or required columns missing, GEST_ERROR_PERMISSION, G_IO_ERROR_CANCELLED
 * (nothing written). @progress runs in the calling thread. */
gboolean gest_import_file        (GestStore                *store,
                                  const char               *path,
                                  GestImportKind            kind,
                                  const GestImportMapping  *mapping,
                                  gboolean                  dry_run,
                                  GestImportProgressFunc    progress,
                                  gpointer                  progress_data,
                                  GCancellable             *cancellable,
                                  GestImportResult        **out_result,
                                  GError                  **error);

/* gest_import_file() in a thread with its own connection to @db_path, as @user (NULL: none
 * signed in). @progress runs in the caller's thread-default main context, at most about ten
 * times a second. */
void              gest_import_file_async  (const char               *db_path,
                                           GestUser                 *user,
                                           const char               *path,
                                           GestImportKind            kind,
                                           const GestImportMapping  *mapping,
                                           gboolean                  dry_run,
                                           GestImportProgressFunc    progress,
                                           gpointer                  progress_data,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
GestImportResult *gest_import_file_finish (GAsyncResult             *result,
                                           GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestImportResult, gest_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestImportPreview, gest_import_preview_free)

G_END_DECLS
