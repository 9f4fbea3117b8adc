/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* Folios across dealers (#16.3, T5, T7; data/sync-protocol.md, Folios). */

/* Push: whether a trámite upsert of dealer @dealer_id may carry the folio in @fields. A folio
 * of the dealer form (LIQ-2026-042-070001) must name this dealer's number; the legacy form
 * and anything else is left alone. Sets *@out_refusal (a translated reason) when it may not;
 * FALSE with @error only when the database fails. Runs inside the push's transaction. */
gboolean  gest_server_folio_check       (PGconn       *conn,
                                         const char   *dealer_id,
                                         const char   *entity,
                                         JsonObject   *fields,
                                         char        **out_refusal,
                                         GError      **error);

/* Admin (owner role): the dealer named by @text, its UUID or its number; a new string with
 * the UUID, or NULL with GEST_ERROR_NOT_FOUND / GEST_ERROR_INVALID. */
char     *gest_server_dealer_resolve    (PGconn       *conn,
                                         const char   *text,
                                         GError      **error);

/* Admin (owner role), inside a transaction: locks (FOR UPDATE) the live trámite with @folio
 * of @dealer_id (NULL: of whichever dealer has it; a folio of the dealer form only in the
 * dealer its number names). Returns the row (dealer_id, uuid, data), or NULL with
 * GEST_ERROR_NOT_FOUND, or GEST_ERROR_CONFLICT listing the dealers when several have it. */
PGresult *gest_server_tramite_by_folio  (PGconn       *conn,
                                         const char   *dealer_id,
                                         const char   *folio,
                                         GError      **error);

G_END_DECLS
