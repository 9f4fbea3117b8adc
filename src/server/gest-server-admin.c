/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "gest-error.h"
#include "gest-folio.h"
#include "gest-server-admin.h"
#include "gest-server-db.h"
#include "gest-server-folios.h"
#include "gest-server-migrate.h"
#include "gest-server-plans.h"
#include "gest-server-records.h"
#include "gest-server-rules.h"

/* Enrollment codes are typed by a person: Crockford's base 32, no I, L, O or U. */
static const char code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static gboolean
check_uuid (const char  *what,
            const char  *text,
            GError     **error)
{
  if (g_uuid_string_is_valid (text))
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("“%s” is not a %s id: it must be a UUID."), text, what);
  return FALSE;
}

/* A dealer given by its number (1..999) becomes its id in @arg (#16.3); anything else is
 * left for check_uuid(). */
static gboolean
dealer_by_number (PGconn  *conn,
                  char   **arg,
                  GError **error)
{
  guint64 number = 0;
  char *id;

  if (!g_ascii_string_to_unsigned (*arg, 10, 1, GEST_FOLIO_DEALER_MAX, &number, NULL))
    return TRUE;
  id = gest_server_dealer_resolve (conn, *arg, error);
  if (id == NULL)
    return FALSE;
  g_free (*arg);
  *arg = id;
  return TRUE;
}

static gboolean
dealer_exists (PGconn      *conn,
               const char  *dealer_id,
               GError     **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error, "SELECT name FROM dealers WHERE id = $1", 1, dealer_id);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no dealer %s: create it with gestiona-server admin create-dealer."), dealer_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
cmd_migrate (PGconn  *conn,
             char   **args,
             GError **error)
{
  int version = gest_server_migrate (conn, error);

  if (version < 0)
    return FALSE;
  g_print (_("The database is at schema version %d.\n"), version);
  return TRUE;
}

static gboolean
cmd_create_dealer (PGconn  *conn,
                   char   **args,
                   GError **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(PGresult) res = NULL;

  if (*g_strstrip (args[0]) == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("The dealer needs a name."));
      return FALSE;
    }
  if (!gest_pg_begin_dealer (conn, id, error))
    return FALSE;
  /* The dealer's number goes in its folios (#16.3): the lowest free one, one creation at a
   * time. */
  if (!gest_pg_exec (conn, error, "LOCK TABLE dealers IN SHARE ROW EXCLUSIVE MODE"))
    return FALSE;
  res = gest_pg_query (conn, error,
                       "INSERT INTO dealers (id, name, number) VALUES ($1, $2,"
                       " (SELECT min (s.n) FROM generate_series (1, 999) AS s (n)"
                       "   WHERE NOT EXISTS (SELECT 1 FROM dealers d WHERE d.number = s.n)))"
                       " RETURNING number",
                       2, id, args[0]);
  if (res == NULL)
    return FALSE;
  if (PQgetisnull (res, 0, 0))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The server already has 999 dealers, the most folio series allow: no other dealer can be created."));
      return FALSE;
    }
  if (!gest_pg_commit (conn, error))
    return FALSE;
  /* Scripts read the id from standard output; the number is for the person. */
  g_print ("%s\n", id);
  g_printerr (_("Dealer number %03d: its folios look like LIQ-2026-%03d-010001.\n"),
              atoi (PQgetvalue (res, 0, 0)), atoi (PQgetvalue (res, 0, 0)));
  return TRUE;
}

static gboolean
cmd_list_dealers (PGconn  *conn,
                  char   **args,
                  GError **error)
{
  g_autoptr(PGresult) res = gest_pg_query (conn, error,
                                           "SELECT coalesce (lpad (number::text, 3, '0'), '-'), id, name FROM dealers"
                                           " ORDER BY number NULLS LAST, name",
                                           0);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    g_print ("%s\t%s\t%s\n", PQgetvalue (res, i, 0), PQgetvalue (res, i, 1), PQgetvalue (res, i, 2));
  return TRUE;
}

static gboolean
cmd_enroll_code (PGconn  *conn,
                 char   **args,
                 GError **error)
{
  const char *dealer_id;
  guint8 bytes[12];
  char code[16];
  char plain[13];
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) res = NULL;
  guint j = 0;

  if (!dealer_by_number (conn, &args[0], error))
    return FALSE;
  dealer_id = args[0];
  if (!check_uuid (_("dealer"), dealer_id, error))
    return FALSE;
  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, "getrandom: %s", g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < 12; i++)
    {
      plain[i] = code_alphabet[bytes[i] % 32];
      if (i > 0 && i % 4 == 0)
        code[j++] = '-';
      code[j++] = plain[i];
    }
  plain[12] = '\0';
  code[j] = '\0';
  hash = gest_sha256_hex (plain);

  if (!gest_pg_begin_dealer (conn, dealer_id, error))
    return FALSE;
  if (!dealer_exists (conn, dealer_id, error))
    return FALSE;
  res = gest_pg_query (conn, error,
                       "INSERT INTO enroll_codes (code_sha256, dealer_id, expires_at)"
                       " VALUES ($1, $2, now () + interval '7 days')",
                       2, hash, dealer_id);
  if (res == NULL || !gest_pg_commit (conn, error))
    return FALSE;
  g_print ("%s\n", code);
  return TRUE;
}

static gboolean
cmd_revoke (PGconn  *conn,
            char   **args,
            GError **error)
{
  g_autoptr(PGresult) res = NULL;

  if (!check_uuid (_("device"), args[0], error))
    return FALSE;
  res = gest_pg_query (conn, error,
                       "UPDATE devices SET revoked_at = coalesce (revoked_at, now ()) WHERE id = $1 RETURNING name",
                       1, args[0]);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("There is no device %s."), args[0]);
      return FALSE;
    }
  g_print (_("Device %s (%s) is revoked: its token no longer works.\n"), args[0], PQgetvalue (res, 0, 0));
  return TRUE;
}

static gboolean
cmd_load_plans (PGconn  *conn,
                char   **args,
                GError **error)
{
  guint loaded = 0, created = 0;

  if (!dealer_by_number (conn, &args[0], error) || !check_uuid (_("dealer"), args[0], error))
    return FALSE;
  if (!gest_server_load_plans (conn, args[0], args[1], &loaded, &created, error))
    return FALSE;
  g_print (ngettext ("Loaded %u plan (%u new).\n", "Loaded %u plans (%u new).\n", loaded), loaded, created);
  return TRUE;
}

static gboolean
is_unset (JsonObject  *data,
          const char  *field)
{
  return !json_object_has_member (data, field) ||
         JSON_NODE_HOLDS_NULL (json_object_get_member (data, field));
}

/* T6: Conauto verifies the deposit (step 4) against the proof the dealer uploaded: the
 * document record must be there and its file complete and verified by hash. */
static gboolean
check_payment_proof (PGconn      *conn,
                     const char  *dealer_id,
                     const char  *folio,
                     JsonObject  *data,
                     GError     **error)
{
  const char *proof = json_object_get_string_member_with_default (data, "payment_proof_uuid", "");
  g_autoptr(PGresult) res = gest_pg_query (conn, error,
                                           "SELECT b.complete FROM records r"
                                           " JOIN blobs b ON b.dealer_id = r.dealer_id"
                                           "  AND b.sha256 = r.data ->> 'sha256'"
                                           " WHERE r.dealer_id = $1 AND r.entity = 'document'"
                                           "  AND r.uuid = $2 AND NOT r.deleted",
                                           2, dealer_id, proof);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1 || !g_str_equal (PQgetvalue (res, 0, 0), "t"))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The payment proof of trámite %s has not fully reached the server: the dealer’s desktop must sync it before Conauto verifies the deposit."),
                   folio);
      return FALSE;
    }
  return TRUE;
}

/* advance [DEALER] FOLIO STEP: DEALER (id or number) names the trámite when several dealers
 * have the folio (#16.3). */
static gboolean
cmd_advance (PGconn  *conn,
             char   **args,
             GError **error)
{
  gboolean named = args[2] != NULL;
  const char *folio = named ? args[1] : args[0];
  const char *step = named ? args[2] : args[1];
  g_autofree char *named_dealer = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_auto(GestRecordState) state = { 0, };
  g_autofree char *dealer_id = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *refusal = NULL;
  guint64 to = 0;
  gint64 from = 0;
  gint64 now = g_get_real_time ();
  gint64 version;

  if (!g_ascii_string_to_unsigned (step, 10, 1, 8, &to, NULL))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("“%s” is not a step: write 4, 5 or 6."), step);
      return FALSE;
    }
  if (!gest_pg_begin (conn, error))
    return FALSE;
  if (named)
    {
      named_dealer = gest_server_dealer_resolve (conn, args[0], error);
      if (named_dealer == NULL)
        return FALSE;
    }
  /* The owner role sees every dealer. The row is locked until the commit, so a dealer's
   * change cannot slip between the check and the move. */
  res = gest_server_tramite_by_folio (conn, named_dealer, folio, error);
  if (res == NULL)
    return FALSE;
  dealer_id = g_strdup (PQgetvalue (res, 0, 0));
  uuid = g_strdup (PQgetvalue (res, 0, 1));
  state.exists = TRUE;
  state.data = gest_json_object_parse (PQgetvalue (res, 0, 2), error);
  if (state.data == NULL)
    return FALSE;
  if (json_object_has_member (state.data, "step"))
    gest_json_get_int (json_object_get_member (state.data, "step"), &from);
  refusal = gest_server_check_conauto_step (from, (gint64) to);
  if (refusal != NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED, "%s", refusal);
      return FALSE;
    }

  /* Step 5 is the insurance cancelled, step 6 the invoice released: Conauto's own facts. */
  json_object_set_int_member (fields, "step", (gint64) to);
  json_object_set_int_member (fields, "step_since", now);
  if (to == 5 && is_unset (state.data, "insurance_cancelled_at"))
    json_object_set_int_member (fields, "insurance_cancelled_at", now);
  if (to == 6 && is_unset (state.data, "invoice_released_at"))
    json_object_set_int_member (fields, "invoice_released_at", now);
  refusal = gest_server_tramite_missing (fields, &state, (gint64) to);
  if (refusal != NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Trámite %s cannot move to step %llu yet. %s"), folio, (unsigned long long) to, refusal);
      return FALSE;
    }
  if (to == 4 && !check_payment_proof (conn, dealer_id, folio, state.data, error))
    return FALSE;

  if (!gest_pg_set_dealer (conn, dealer_id, error))
    return FALSE;
  version = gest_record_write_server (conn, dealer_id, "tramite", uuid, fields, error);
  if (version == 0 || !gest_pg_commit (conn, error))
    return FALSE;
  g_print (_("Trámite %s is at step %llu (change %lld).\n"), folio, (unsigned long long) to, (long long) version);
  return TRUE;
}

static gboolean
cmd_publish (PGconn  *conn,
             char   **args,
             GError **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(PGresult) res = NULL;
  gint64 version;

  if (!dealer_by_number (conn, &args[0], error) || !check_uuid (_("dealer"), args[0], error))
    return FALSE;
  if (*g_strstrip (args[1]) == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("The message is empty: write its text."));
      return FALSE;
    }
  if (!gest_pg_begin_dealer (conn, args[0], error) || !dealer_exists (conn, args[0], error))
    return FALSE;
  res = gest_pg_query (conn, error, "INSERT INTO messages (dealer_id, id, body) VALUES ($1, $2, $3)",
                       3, args[0], id, args[1]);
  if (res == NULL)
    return FALSE;
  json_object_set_string_member (fields, "text", args[1]);
  json_object_set_int_member (fields, "published_at", g_get_real_time ());
  version = gest_record_write_server (conn, args[0], "message", id, fields, error);
  if (version == 0 || !gest_pg_commit (conn, error))
    return FALSE;
  g_print ("%s\n", id);
  return TRUE;
}

typedef struct
{
  const char *name;
  int         n_args;
  int         max_args;   /* 0: exactly n_args */
  const char *usage;
  gboolean  (*run) (PGconn *conn, char **args, GError **error);
} Command;

static const Command commands[] = {
  { "migrate", 0, 0, "migrate", cmd_migrate },
  { "create-dealer", 1, 0, "create-dealer NAME", cmd_create_dealer },
  { "list-dealers", 0, 0, "list-dealers", cmd_list_dealers },
  { "enroll-code", 1, 0, "enroll-code DEALER", cmd_enroll_code },
  { "revoke", 1, 0, "revoke DEVICE", cmd_revoke },
  { "load-plans", 2, 0, "load-plans DEALER FILE.csv", cmd_load_plans },
  { "advance", 2, 3, "advance [DEALER] FOLIO STEP", cmd_advance },
  { "publish", 2, 0, "publish DEALER TEXT", cmd_publish },
};

static void
print_usage (void)
{
  g_printerr (_("Usage: gestiona-server [--config FILE] admin COMMAND\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %s\n", commands[i].usage);
}

int
gest_server_admin (const GestServerConfig *config,
                   int                     argc,
                   char                  **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const Command *command = NULL;
  PGconn *conn;
  gboolean ok;

  for (guint i = 0; argc > 0 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[0], commands[i].name))
      command = &commands[i];
  if (command == NULL || argc - 1 < command->n_args ||
      argc - 1 > MAX (command->n_args, command->max_args))
    {
      print_usage ();
      return 2;
    }

  conn = gest_pg_connect (config->admin_pg, &error);
  if (conn == NULL)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }
  /* NULL-terminated, so a command with optional arguments sees where they end. */
  args = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    args[i - 1] = g_strdup (argv[i]);
  ok = command->run (conn, args, &error);
  if (!ok && PQtransactionStatus (conn) != PQTRANS_IDLE)
    gest_pg_rollback (conn);
  PQfinish (conn);
  if (!ok)
    {
      g_printerr ("gestiona-server: %s\n", error->message);
      return 1;
    }
  return 0;
}
