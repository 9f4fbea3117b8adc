/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A streaming reader of the rows of a CSV or XLSX export (issue 12): one row at a time, so its
 * memory does not grow with the file (an XLSX file's shared strings excepted: the format keeps
 * them in one table). Not thread-safe: one thread uses a reader. */
typedef struct _GestImportReader GestImportReader;

typedef enum
{
  GEST_IMPORT_FORMAT_CSV,
  GEST_IMPORT_FORMAT_XLSX,
} GestImportFormat;

/* Opens @path: an XLSX workbook (a zip file: its first worksheet) or a CSV file whose encoding
 * (UTF-8 with or without a byte order mark, else Windows-1252) and separator (`,`, `;` or a tab, the
 * more frequent in the header line) are detected. An unreadable file is GEST_ERROR_INVALID. */
GestImportReader *gest_import_reader_open          (const char         *path,
                                                    GError            **error);
void              gest_import_reader_free          (GestImportReader   *self);
/* The next row that has a non-empty cell (RFC 4180 quotes and CRLF in CSV): its cells, UTF-8,
 * owned by the reader until the next call. FALSE at the end (@error unset) or on a read error. */
gboolean          gest_import_reader_next          (GestImportReader   *self,
                                                    const char * const **out_cells,
                                                    guint              *out_n_cells,
                                                    GError            **error);
/* The file's line (CSV) or row number (XLSX) where the last row read starts; 1 is the first. */
guint             gest_import_reader_get_row       (GestImportReader   *self);
/* A translated message when the last row could not be read whole (an unclosed quote, text
 * that is not UTF-8), else NULL. Its cells are then what could be read. */
const char       *gest_import_reader_get_problem   (GestImportReader   *self);
GestImportFormat  gest_import_reader_get_format    (GestImportReader   *self);
/* "UTF-8", "UTF-8 (BOM)", "Windows-1252", or "XLSX". */
const char       *gest_import_reader_get_encoding  (GestImportReader   *self);
/* ',', ';' or '\t' for CSV, '\0' for XLSX. */
char              gest_import_reader_get_separator (GestImportReader   *self);
/* Progress: bytes of the file read so far and its size. */
goffset           gest_import_reader_get_position  (GestImportReader   *self);
goffset           gest_import_reader_get_size      (GestImportReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestImportReader, gest_import_reader_free)

G_END_DECLS
