/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "gest-error.h"
#include "gest-server-db.h"
#include "gest-server-folios.h"
#include "gest-server-records.h"
#include "gest-server-updates.h"

#define UPDATES_FORMAT "gestiona-conauto-updates"

/* What Conauto owns of each entity: what the file carries. A trámite's step only when it is
 * one of Conauto's (4 to 6); the folio always, to name it. */
static const char * const plan_fields[] = {
  "balance", "overdue", "installment", "life_insurance", "as_of",
};
static const char * const tramite_fields[] = {
  "step", "step_since", "insurance_cancelled_at", "invoice_released_at",
};

char *
gest_server_signing_public_key (PGconn  *conn,
                                GError **error)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sk[crypto_sign_SECRETKEYBYTES];
  char pk_hex[2 * sizeof pk + 1];
  char sk_hex[2 * sizeof sk + 1];
  g_autoptr(PGresult) res = NULL;
  guint8 stored[crypto_sign_PUBLICKEYBYTES];
  const char *hex;

  /* A candidate pair: stored only when the server has none yet. */
  crypto_sign_keypair (pk, sk);
  sodium_bin2hex (pk_hex, sizeof pk_hex, pk, sizeof pk);
  sodium_bin2hex (sk_hex, sizeof sk_hex, sk, sizeof sk);
  sodium_memzero (sk, sizeof sk);
  res = gest_pg_query (conn, error, "SELECT gestiona_signing_public_key ($1, $2)", 2, pk_hex, sk_hex);
  sodium_memzero (sk_hex, sizeof sk_hex);
  if (res == NULL)
    return NULL;
  hex = PQgetvalue (res, 0, 0);
  if (sodium_hex2bin (stored, sizeof stored, hex, strlen (hex), NULL, NULL, NULL) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, "bad signing key in the database");
      return NULL;
    }
  return g_base64_encode (stored, sizeof stored);
}

/* The secret key, as the owner role (admin commands). */
static gboolean
secret_key (PGconn  *conn,
            guint8   sk[crypto_sign_SECRETKEYBYTES],
            GError **error)
{
  g_autofree char *pk = gest_server_signing_public_key (conn, error);
  g_autoptr(PGresult) res = NULL;
  const char *hex;

  if (pk == NULL)
    return FALSE;
  res = gest_pg_query (conn, error, "SELECT encode (secret_key, 'hex') FROM signing_key WHERE one = 1", 0);
  if (res == NULL)
    return FALSE;
  hex = PQntuples (res) == 1 ? PQgetvalue (res, 0, 0) : "";
  if (sodium_hex2bin (sk, crypto_sign_SECRETKEYBYTES, hex, strlen (hex), NULL, NULL, NULL) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, "bad signing key in the database");
      return FALSE;
    }
  return TRUE;
}

/* Conauto's fields of a record that changed after @since, or NULL when none did. */
static JsonObject *
conauto_fields (const char *entity,
                JsonObject *data,
                JsonObject *versions,
                gint64      since)
{
  const char * const *names = g_str_equal (entity, "plan") ? plan_fields : tramite_fields;
  guint n = g_str_equal (entity, "plan") ? G_N_ELEMENTS (plan_fields) : G_N_ELEMENTS (tramite_fields);
  g_autoptr(JsonObject) out = json_object_new ();
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *value = json_object_get_member (data, names[i]);
      gint64 version = json_object_get_int_member_with_default (versions, names[i], 0);

      if (value == NULL || version <= since)
        continue;
      if (g_str_equal (names[i], "step"))
        {
          gint64 step = json_node_get_value_type (value) == G_TYPE_INT64 ? json_node_get_int (value) : 0;

          if (step < 4 || step > 6)
            continue;
        }
      json_object_set_member (out, names[i], json_node_copy (value));
      any = TRUE;
    }
  if (!any)
    return NULL;
  /* The record's name for the dealer's staff and the desktop's search. */
  if (g_str_equal (entity, "plan") && json_object_has_member (data, "number"))
    json_object_set_member (out, "number", json_node_copy (json_object_get_member (data, "number")));
  if (g_str_equal (entity, "tramite") && json_object_has_member (data, "folio"))
    json_object_set_member (out, "folio", json_node_copy (json_object_get_member (data, "folio")));
  return g_steal_pointer (&out);
}

/* The payload: the dealer's Conauto-side changes after @since, as a pull page gives them. */
static char *
build_payload (PGconn      *conn,
               const char  *dealer_id,
               gint64       since,
               GError     **error)
{
  g_autofree char *since_text = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  g_autoptr(PGresult) dealer = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(JsonObject) payload = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);
  JsonArray *changes = json_array_new ();
  gint64 until;

  if (!gest_pg_begin_dealer (conn, dealer_id, error))
    return NULL;
  dealer = gest_pg_query (conn, error, "SELECT last_seq, number FROM dealers WHERE id = $1", 1, dealer_id);
  if (dealer == NULL || PQntuples (dealer) != 1)
    goto fail;
  until = g_ascii_strtoll (PQgetvalue (dealer, 0, 0), NULL, 10);
  if (since > until)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The dealer’s last change is %lld; --since %lld is past it."),
                   (long long) until, (long long) since);
      goto fail;
    }
  res = gest_pg_query (conn, error,
                       "SELECT entity, uuid, version, data, field_versions FROM records"
                       " WHERE dealer_id = $1 AND version > $2 AND entity IN ('plan', 'tramite')"
                       "   AND NOT deleted ORDER BY version",
                       2, dealer_id, since_text);
  if (res == NULL || !gest_pg_commit (conn, error))
    goto fail;

  for (int r = 0; r < PQntuples (res); r++)
    {
      g_autoptr(JsonObject) data = gest_json_object_parse (PQgetvalue (res, r, 3), NULL);
      g_autoptr(JsonObject) versions = gest_json_object_parse (PQgetvalue (res, r, 4), NULL);
      JsonObject *fields, *change;

      if (data == NULL || versions == NULL)
        continue;
      fields = conauto_fields (PQgetvalue (res, r, 0), data, versions, since);
      if (fields == NULL)
        continue;
      change = json_object_new ();
      json_object_set_string_member (change, "entity", PQgetvalue (res, r, 0));
      json_object_set_string_member (change, "uuid", PQgetvalue (res, r, 1));
      json_object_set_int_member (change, "version", g_ascii_strtoll (PQgetvalue (res, r, 2), NULL, 10));
      json_object_set_boolean_member (change, "deleted", FALSE);
      json_object_set_object_member (change, "fields", fields);
      json_array_add_object_element (changes, change);
    }

  json_object_set_string_member (payload, "format", UPDATES_FORMAT);
  json_object_set_int_member (payload, "format_version", 1);
  json_object_set_string_member (payload, "dealer_id", dealer_id);
  if (!PQgetisnull (dealer, 0, 1))
    json_object_set_int_member (payload, "dealer_number", g_ascii_strtoll (PQgetvalue (dealer, 0, 1), NULL, 10));
  json_object_set_int_member (payload, "since", since);
  json_object_set_int_member (payload, "until", until);
  json_object_set_string_member (payload, "created_at", created_at);
  json_object_set_array_member (payload, "changes", changes);
  root = json_node_init_object (json_node_alloc (), payload);
  return json_to_string (root, TRUE);

fail:
  gest_pg_rollback (conn);
  json_array_unref (changes);
  return NULL;
}

static PGconn *
admin_connect (const GestServerConfig *config)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = gest_pg_connect (config->admin_pg, &error);

  if (conn == NULL)
    g_printerr ("gestiona-server: %s\n", error->message);
  return conn;
}

int
gest_server_cmd_public_key (const GestServerConfig *config,
                            int                     argc,
                            char                  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  PGconn *conn;

  if (argc != 1)
    {
      g_printerr (_("Usage: gestiona-server public-key\n"));
      return 2;
    }
  conn = admin_connect (config);
  if (conn == NULL)
    return 1;
  key = gest_server_signing_public_key (conn, &error);
  PQfinish (conn);
  if (key == NULL)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }
  g_print ("%s\n", key);
  return 0;
}

int
gest_server_cmd_export_updates (const GestServerConfig *config,
                                int                     argc,
                                char                  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dealer_id = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *signature_b64 = NULL;
  g_autofree char *public_b64 = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) file = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *dealer = NULL, *output = NULL;
  guint8 sk[crypto_sign_SECRETKEYBYTES];
  guint8 signature[crypto_sign_BYTES];
  guint64 since = 0;
  PGconn *conn;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dealer") && i + 1 < argc)
        dealer = argv[++i];
      else if (g_str_equal (argv[i], "--output") && i + 1 < argc)
        output = argv[++i];
      else if (g_str_equal (argv[i], "--since") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, G_MAXINT64, &since, NULL))
            {
              g_printerr (_("gestiona-server: --since needs a version, a whole number from 0 up.\n"));
              return 2;
            }
        }
      else
        dealer = NULL, i = argc;
    }
  if (dealer == NULL || output == NULL)
    {
      g_printerr (_("Usage: gestiona-server export-updates --dealer DEALER [--since VERSION] --output FILE\n"));
      return 2;
    }

  conn = admin_connect (config);
  if (conn == NULL)
    return 1;
  if ((dealer_id = gest_server_dealer_resolve (conn, dealer, &error)) == NULL
      || (payload = build_payload (conn, dealer_id, (gint64) since, &error)) == NULL
      || !secret_key (conn, sk, &error)
      || (public_b64 = gest_server_signing_public_key (conn, &error)) == NULL)
    {
      PQfinish (conn);
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }
  PQfinish (conn);

  /* Ed25519 over the payload's exact bytes: the file carries them as a string, so nothing
   * has to be made canonical again before the signature is checked. */
  crypto_sign_detached (signature, NULL, (const guint8 *) payload, strlen (payload), sk);
  sodium_memzero (sk, sizeof sk);
  signature_b64 = g_base64_encode (signature, sizeof signature);
  json_object_set_string_member (file, "format", UPDATES_FORMAT);
  json_object_set_string_member (file, "algorithm", "ed25519");
  json_object_set_string_member (file, "public_key", public_b64);
  json_object_set_string_member (file, "payload", payload);
  json_object_set_string_member (file, "signature", signature_b64);
  root = json_node_init_object (json_node_alloc (), file);
  text = json_to_string (root, TRUE);
  if (!g_file_set_contents (output, text, -1, &error))
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }
  return 0;
}
