/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* Helpers of gest-tramites-demo.c. */

/* A one-page PDF ("Comprobante de pago") with a correct cross-reference table. */
GBytes   *gest_tramites_demo_build_pdf     (void);
/* Stores it content-addressed in the store's files folder; returns its SHA-256 and size. */
gboolean  gest_tramites_demo_store_pdf     (GestStore  *store,
                                            char      **out_sha256,
                                            gint64     *out_size,
                                            GError    **error);
/* Raises the connection's page cache for a bulk insert; returns the previous setting. */
gint64    gest_tramites_demo_enlarge_cache (GestStore  *store);
void      gest_tramites_demo_restore_cache (GestStore  *store,
                                            gint64      previous);

G_END_DECLS
