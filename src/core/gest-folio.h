/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folios are PREFIX-YYYY-DDD-NNNNNN ("LIQ-2026-042-070001") on a desktop enrolled in a dealer
 * that has a dealer number DDD (1..999, given by Conauto's server, data/sync-protocol.md,
 * Folios), so two dealers never make the same folio; PREFIX-YYYY-NNNNNN ("LIQ-2026-000123") on
 * a desktop never enrolled or enrolled before dealer numbers existed (the legacy form, dealer
 * 0). Unique per type (prefix), year and dealer. Allocation happens in the store
 * (gest_store_next_folio); these are the pure parts. */
#define GEST_FOLIO_DEALER_MAX 999

char     *gest_folio_format        (const char  *prefix,
                                    int          year,
                                    gint64       number);
/* @dealer 0 gives the legacy form, 1..GEST_FOLIO_DEALER_MAX the dealer's. */
char     *gest_folio_format_dealer (const char  *prefix,
                                    int          year,
                                    int          dealer,
                                    gint64       number);
/* Both forms; @out_dealer (nullable) is 0 for the legacy one. */
gboolean  gest_folio_parse_dealer  (const char  *folio,
                                    char       **out_prefix,
                                    int         *out_year,
                                    int         *out_dealer,
                                    gint64      *out_number,
                                    GError     **error);
/* Both forms, without the dealer. */
gboolean  gest_folio_parse         (const char  *folio,
                                    char       **out_prefix,
                                    int         *out_year,
                                    gint64      *out_number,
                                    GError     **error);

G_END_DECLS
