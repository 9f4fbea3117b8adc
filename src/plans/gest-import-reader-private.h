/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-import-reader.h"

G_BEGIN_DECLS

/* The XLSX half of GestImportReader (gest-import-xlsx.c). */
typedef struct _GestXlsxReader GestXlsxReader;

GestXlsxReader *gest_xlsx_reader_open     (const char      *path,
                                           GError         **error);
void            gest_xlsx_reader_free     (GestXlsxReader  *self);
/* Fills @cells (char*, owned by @cells) with the next row; its number in @out_row. */
gboolean        gest_xlsx_reader_next     (GestXlsxReader  *self,
                                           GPtrArray       *cells,
                                           guint           *out_row,
                                           GError         **error);
goffset         gest_xlsx_reader_position (GestXlsxReader  *self);
goffset         gest_xlsx_reader_size     (GestXlsxReader  *self);

G_END_DECLS
