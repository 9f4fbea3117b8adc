/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gest-error.h"
#include "gest-folio.h"
#include "gest-server-db.h"
#include "gest-server-folios.h"

/* The dealer's number, 0 when it has none (a dealer past the 999th). */
static gboolean
dealer_number (PGconn      *conn,
               const char  *dealer_id,
               int         *out_number,
               GError     **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error, "SELECT number FROM dealers WHERE id = $1", 1, dealer_id);

  if (res == NULL)
    return FALSE;
  *out_number = PQntuples (res) == 1 && !PQgetisnull (res, 0, 0) ? atoi (PQgetvalue (res, 0, 0)) : 0;
  return TRUE;
}

gboolean
gest_server_folio_check (PGconn       *conn,
                         const char   *dealer_id,
                         const char   *entity,
                         JsonObject   *fields,
                         char        **out_refusal,
                         GError      **error)
{
  JsonNode *node;
  const char *folio;
  int series = 0;
  int own = 0;

  *out_refusal = NULL;
  if (fields == NULL || !g_str_equal (entity, "tramite"))
    return TRUE;
  node = json_object_get_member (fields, "folio");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;
  folio = json_node_get_string (node);
  if (!gest_folio_parse_dealer (folio, NULL, NULL, &series, NULL, NULL) || series == 0)
    return TRUE;
  if (!dealer_number (conn, dealer_id, &own, error))
    return FALSE;
  if (series == own)
    return TRUE;
  if (own == 0)
    *out_refusal = g_strdup_printf (_("The folio %s is in the series of dealer number %03d, and this dealer has no "
                                      "number: a desktop only makes folios of its own dealer. Enroll the desktop again."),
                                    folio, series);
  else
    *out_refusal = g_strdup_printf (_("The folio %s is in the series of dealer number %03d, not of this dealer "
                                      "(number %03d): a desktop only makes folios of its own dealer. If the desktop "
                                      "moved to this dealer, enroll it again."),
                                    folio, series, own);
  return TRUE;
}

char *
gest_server_dealer_resolve (PGconn      *conn,
                            const char  *text,
                            GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  guint64 number = 0;

  if (g_uuid_string_is_valid (text))
    res = gest_pg_query (conn, error, "SELECT id FROM dealers WHERE id = $1", 1, text);
  else if (g_ascii_string_to_unsigned (text, 10, 1, GEST_FOLIO_DEALER_MAX, &number, NULL))
    res = gest_pg_query (conn, error, "SELECT id FROM dealers WHERE number = $1::smallint", 1, text);
  else
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” names no dealer: write the dealer’s id (a UUID) or its number (1 to 999), "
                     "as gestiona-server admin list-dealers shows them."), text);
      return NULL;
    }
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no dealer %s: gestiona-server admin list-dealers shows them."), text);
      return NULL;
    }
  return g_strdup (PQgetvalue (res, 0, 0));
}

PGresult *
gest_server_tramite_by_folio (PGconn      *conn,
                              const char  *dealer_id,
                              const char  *folio,
                              GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  g_autofree char *series_text = NULL;
  int series = 0;

  /* A folio of the dealer form is only looked for in the dealer its number names: a trámite
   * another dealer pushed with it before the server checked folios cannot take its place. */
  if (gest_folio_parse_dealer (folio, NULL, NULL, &series, NULL, NULL) && series != 0)
    series_text = g_strdup_printf ("%d", series);

  res = gest_pg_query (conn, error,
                       "SELECT r.dealer_id, r.uuid, r.data FROM records r JOIN dealers d ON d.id = r.dealer_id"
                       " WHERE r.entity = 'tramite' AND NOT r.deleted AND r.data ->> 'folio' = $1"
                       "  AND ($2::uuid IS NULL OR r.dealer_id = $2::uuid)"
                       "  AND ($3::smallint IS NULL OR d.number = $3::smallint)"
                       " ORDER BY d.number, d.name FOR UPDATE OF r",
                       3, folio, dealer_id, series_text);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 1)
    return g_steal_pointer (&res);

  if (PQntuples (res) == 0)
    {
      if (dealer_id != NULL)
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("This dealer has no trámite with the folio %s: check both, and that the dealer’s "
                       "desktop has synced it."), folio);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("No trámite has the folio %s: check it, and that the dealer's desktop has synced it."), folio);
      return NULL;
    }

  /* The same folio in several dealers (legacy folios), or twice in one dealer. */
  {
    g_autoptr(PGresult) names = NULL;
    g_autoptr(GString) list = g_string_new (NULL);

    names = gest_pg_query (conn, error,
                           "SELECT d.id, coalesce (lpad (d.number::text, 3, '0'), '-'), d.name, count (*)"
                           " FROM records r JOIN dealers d ON d.id = r.dealer_id"
                           " WHERE r.entity = 'tramite' AND NOT r.deleted AND r.data ->> 'folio' = $1"
                           "  AND ($2::uuid IS NULL OR r.dealer_id = $2::uuid)"
                           "  AND ($3::smallint IS NULL OR d.number = $3::smallint)"
                           " GROUP BY d.id, d.number, d.name ORDER BY d.number, d.name",
                           3, folio, dealer_id, series_text);
    if (names == NULL)
      return NULL;
    if (PQntuples (names) == 1)
      {
        g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                     _("%d trámites of dealer %s (%s) have the folio %s: fix it on the dealer’s desktop."),
                     PQntuples (res), PQgetvalue (names, 0, 0), PQgetvalue (names, 0, 2), folio);
        return NULL;
      }
    for (int i = 0; i < PQntuples (names); i++)
      /* One line per dealer: number, id and name. */
      g_string_append_printf (list, "\n  %s  %s  %s", PQgetvalue (names, i, 1), PQgetvalue (names, i, 0),
                              PQgetvalue (names, i, 2));
    g_set_error (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                 _("The folio %s is in %d dealers; name the dealer, by number or id: "
                   "gestiona-server admin advance DEALER %s STEP.%s"),
                 folio, PQntuples (names), folio, list->str);
    return NULL;
  }
}
