/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-import-mapping.h"
#include "gest-import-reader.h"
#include "gest-money.h"

G_BEGIN_DECLS

/* One row of an import, checked: the text of each mapped field, normalized (an RFC upper-
 * cased, a phone's 10 digits, a state's code, a date ISO), and the numbers. A field the file
 * has no column for is NULL, so an update keeps what the record has. */
typedef struct
{
  const char *text[GEST_N_IMPORT_FIELDS];
  GestMoney   money[GEST_N_IMPORT_FIELDS];   /* installment, balance, overdue, life insurance */
  gint64      number[GEST_N_IMPORT_FIELDS];  /* year, km */
  GStringChunk *chunk;                       /* owns text[] */
} GestImportRecord;

/* Called for each problem of a row: @column is the file's column (-1 for the whole row),
 * @message translated. */
typedef void (*GestImportIssueFunc) (guint        row,
                                     int          column,
                                     const char  *message,
                                     gpointer     user_data);

void     gest_import_record_init  (GestImportRecord        *record);
void     gest_import_record_clear (GestImportRecord        *record);
/* Reads and checks @cells into @record with @mapping; reports each problem through @issue.
 * TRUE when the row may be written. @xlsx: numbers may be a spreadsheet's (a date's serial
 * number, a postal code that lost its leading zero). */
gboolean gest_import_row_check    (const GestImportMapping *mapping,
                                   gboolean                 xlsx,
                                   guint                    row,
                                   const char * const      *cells,
                                   guint                    n_cells,
                                   GestImportRecord        *record,
                                   GestImportIssueFunc      issue,
                                   gpointer                 user_data);
/* RFCs that name no one (público en general, extranjeros): they never key a customer. */
gboolean gest_import_rfc_is_generic (const char *rfc);

G_END_DECLS
