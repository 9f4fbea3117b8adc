/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folios are PREFIX-YYYY-NNNNNN ("LIQ-2026-000123"), unique per type (prefix) and year.
 * Allocation happens in the store (gest_store_next_folio); these are the pure parts. */
char     *gest_folio_format (const char  *prefix,
                             int          year,
                             gint64       number);
gboolean  gest_folio_parse  (const char  *folio,
                             char       **out_prefix,
                             int         *out_year,
                             gint64      *out_number,
                             GError     **error);

G_END_DECLS
