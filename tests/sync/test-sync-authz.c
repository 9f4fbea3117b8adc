/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12 with sync: users and roles are facts of the server (a change is accepted only from
 * a user of the dealer whose role on the server allows it, whatever the desktop's database
 * says), and Conauto's signed update file for dealers without sync. Against the real
 * gestiona-server and PostgreSQL (tests/server/pg-env.sh). */
#include "config.h"

#include <locale.h>
#include <sys/wait.h>
#include <sodium.h>
#include <string.h>

#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-sync-update-file.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

#define GM_UUID       "a1000000-0000-4000-8000-000000000001"
#define ANALYST_UUID  "a1000000-0000-4000-8000-000000000002"
#define AGENT_UUID    "a1000000-0000-4000-8000-000000000003"
#define TRAMITE_UUID  "d0000000-0000-4000-8000-0000000000aa"
#define PLAN_UUID     "f0000000-0000-4000-8000-0000000000aa"
#define CUSTOMER_UUID "c0000000-0000-4000-8000-0000000000aa"
#define FAKE_HASH     "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo"

static gboolean
skip_without_server (void)
{
  if (sync_test_have_server ())
    return FALSE;
  g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
  return TRUE;
}

/* `gestiona-server ARGS...` (not admin); returns stdout, stripped. */
static char *
server_run (const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("GESTIONA_SERVER"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("gestiona-server %s failed: %s", first_arg, err);
  return g_strstrip (g_steal_pointer (&out));
}

static GestStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
enroll (GestStore  *store,
        const char *dealer_id,
        const char *name)
{
  g_autofree char *code = sync_test_admin ("enroll-code", dealer_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_sync_enroll (store, g_getenv ("GESTIONA_TEST_SERVER_URL"), code, name, NULL, &error));
  g_assert_no_error (error);
}

static void
add_user (GestStore  *store,
          const char *uuid,
          const char *login,
          const char *name,
          const char *role)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO users (uuid, name, role, login, password_hash, active, "
                                          "created_at) VALUES ('%s', '%s', '%s', '%s', '%s', 1, 1)",
                                          uuid, name, role, login, FAKE_HASH);

  sync_test_exec (store, sql);
}

static void
sign_in (GestStore  *store,
         const char *uuid,
         const char *login,
         const char *name,
         GestRole    role)
{
  g_autoptr(GestUser) user = gest_user_new (uuid, login, name, role);

  gest_store_set_user (store, user);
}

/* @sql in a write transaction of the signed-in user, as the app's saves are: what a desktop
 * edited behind the app's back sends. */
static void
exec_as_user (GestStore  *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_begin (store, TRUE, &error));
  sync_test_exec (store, sql);
  g_assert_true (gest_store_commit (store, &error));
  g_assert_no_error (error);
}

static char *
last_rejection (GestStore *store)
{
  return sync_test_query_text (store, "SELECT coalesce ((SELECT message FROM sync_log WHERE kind = 'rejected' "
                                      "ORDER BY id DESC LIMIT 1), '')");
}

static void
add_tramite (GestStore *store,
             int        step)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO customers (uuid, name) VALUES ('" CUSTOMER_UUID "', 'Rosa Díaz');"
    "INSERT INTO plans (uuid, number, customer_uuid, installment, balance, as_of) VALUES ('" PLAN_UUID "', "
    "'PL-777', '" CUSTOMER_UUID "', 250000, 8500000, '2026-11-30');"
    "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since, agreed_amount, "
    "agreed_date, statement_balance, statement_overdue, statement_installment, "
    "statement_life_insurance, statement_as_of, routing_area, routing_reason, "
    "routing_low_limit, routing_installments, created_at) VALUES ('" TRAMITE_UUID "', 'LIQ-2026-000123', "
    "'" PLAN_UUID "', %d, 1, 8400000, '2026-12-15', 8500000, 0, "
    "250000, 30000, '2026-11-30', 'atencion-clientes', 'no debt', 50000, 2, 1)", step);

  exec_as_user (store, sql);
}

static char *
server_users (const char *dealer_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg ((data ->> 'login') || ':' || (data ->> 'role'), ',' "
                                          "ORDER BY data ->> 'login') FROM records WHERE dealer_id = '%s' "
                                          "AND entity = 'user'", dealer_id);

  return sync_test_psql (sql);
}

/* The desktop's users become the dealer's at enrollment; an analyst's step moves, approvals
 * and role edits are refused by the server, also when the desktop's database says the analyst
 * is a head of customer service. */
static void
test_analyst_refused_by_server (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *users = NULL;
  g_autofree char *key = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GestStore) store = NULL;

  if (skip_without_server ())
    return;
  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Cholula");
  store = open_store (dir, "a1.db");
  /* Set up before enrollment: the general manager and an analyst. */
  add_user (store, GM_UUID, "gerente", "Laura Méndez", "general-manager");
  add_user (store, ANALYST_UUID, "analista", "Ana López", "cs-analyst");
  enroll (store, dealer, "a1");
  users = server_users (dealer);
  g_assert_cmpstr (users, ==, "analista:cs-analyst,gerente:general-manager");
  key = gest_store_get_setting (store, "conauto.public-key");
  g_assert_true (gest_sync_conauto_key_valid (key));

  /* The manager registers a trámite: accepted. */
  sign_in (store, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  add_tramite (store, 2);
  g_assert_cmpstr (sync_test_query_text (store, "SELECT group_concat (DISTINCT user_login) FROM sync_outbox"), ==, "gerente");
  sync_test_sync (store);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE kind = 'rejected'"), ==, 0);

  /* The analyst moves it back a step: only leads may. */
  sign_in (store, ANALYST_UUID, "analista", "Ana López", GEST_ROLE_CS_ANALYST);
  exec_as_user (store, "UPDATE tramites SET step = 1 WHERE uuid = '" TRAMITE_UUID "'");
  sync_test_sync (store);
  message = last_rejection (store);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "move an early payoff back a step: it is for General manager, Head of customer "
                                "service, Finance manager, Collections supervisor. Ask one of them, or sign in "
                                "as one.");
  g_clear_pointer (&message, g_free);

  /* An agreed amount above the statement's balance is an approval. */
  exec_as_user (store, "UPDATE tramites SET step = 2, agreed_amount = 99999999900 WHERE uuid = '" TRAMITE_UUID "'");
  sync_test_sync (store);
  message = last_rejection (store);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "approve an amount or payment that departs from the statement: it is for General "
                                "manager, Head of customer service, Finance manager, Collections supervisor. Ask "
                                "one of them, or sign in as one.");
  g_clear_pointer (&message, g_free);

  /* Conauto's step: no dealer role may. */
  exec_as_user (store, "UPDATE tramites SET step = 4 WHERE uuid = '" TRAMITE_UUID "'");
  sync_test_sync (store);
  message = last_rejection (store);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "move an early payoff to step 4: no dealer role can; it comes only from Conauto.");
  g_clear_pointer (&message, g_free);

  /* T2's thresholds are the dealer's: an analyst's change is refused too. */
  exec_as_user (store, "INSERT INTO settings (key, value) VALUES ('routing.low-debt-limit', '100') "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  sync_test_sync (store);
  message = last_rejection (store);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "change the routing thresholds: it is for General manager, Finance manager. Ask one of "
                                "them, or sign in as one.");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (sync_test_psql ("SELECT count(*) FROM records WHERE entity = 'setting'"), ==, "0");

  /* The desktop's database edited with raw SQL to say the analyst is head of customer
   * service: the role change is refused, and so is what the analyst does as one. */
  sync_test_exec (store, "UPDATE users SET role = 'cs-head' WHERE login = 'analista'");
  sign_in (store, ANALYST_UUID, "analista", "Ana López", GEST_ROLE_CS_HEAD);
  exec_as_user (store, "UPDATE tramites SET step = 1, agreed_amount = 8400000 WHERE uuid = '" TRAMITE_UUID "'");
  sync_test_sync (store);
  g_assert_cmpint (sync_test_query_int (store, "SELECT count(*) FROM sync_log WHERE kind = 'rejected' AND entity = 'user'"), ==, 1);
  message = last_rejection (store);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "move an early payoff back a step: it is for General manager, Head of customer "
                                "service, Finance manager, Collections supervisor. Ask one of them, or sign in "
                                "as one.");
  g_clear_pointer (&users, g_free);
  users = server_users (dealer);
  g_assert_cmpstr (users, ==, "analista:cs-analyst,gerente:general-manager");
  g_assert_cmpstr (sync_test_psql ("SELECT data ->> 'step' FROM records WHERE entity = 'tramite' AND uuid = '" TRAMITE_UUID "'"),
                   ==, "2");

  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A general manager's new user reaches a second desktop, whose own first-run users give way
 * to the server's; a user change by someone else, or a manager's change of their own role, is
 * refused. */
static void
test_manager_creates_user (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *users = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GestStore) a1 = NULL;
  g_autoptr(GestStore) a2 = NULL;

  if (skip_without_server ())
    return;
  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Atlixco");
  a1 = open_store (dir, "a1.db");
  add_user (a1, GM_UUID, "gerente", "Laura Méndez", "general-manager");
  add_user (a1, ANALYST_UUID, "analista", "Ana López", "cs-analyst");
  enroll (a1, dealer, "a1");

  sign_in (a1, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  exec_as_user (a1, "INSERT INTO users (uuid, name, role, login, password_hash, active, created_at) VALUES "
                    "('" AGENT_UUID "', 'Raúl Vega', 'collections-agent', 'cobranza', '" FAKE_HASH "', 1, 2)");
  sync_test_sync (a1);
  g_assert_cmpint (sync_test_query_int (a1, "SELECT count(*) FROM sync_log"), ==, 0);
  users = server_users (dealer);
  g_assert_cmpstr (users, ==, "analista:cs-analyst,cobranza:collections-agent,gerente:general-manager");

  /* A second desktop, whose first run made its own manager (the same login, another id). */
  a2 = open_store (dir, "a2.db");
  add_user (a2, "a2000000-0000-4000-8000-000000000009", "gerente", "Otra Persona", "general-manager");
  enroll (a2, dealer, "a2");
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM users"), ==, 0);
  sync_test_sync (a2);
  g_assert_cmpstr (sync_test_query_text (a2, "SELECT group_concat (login || ':' || role || ':' || "
                                             "(password_hash = '" FAKE_HASH "'), ',') FROM "
                                             "(SELECT * FROM users ORDER BY login)"),
                   ==, "analista:cs-analyst:1,cobranza:collections-agent:1,gerente:general-manager:1");
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM sync_outbox WHERE state = 'queued'"), ==, 0);

  /* The manager's thresholds reach the other desktop. */
  exec_as_user (a1, "INSERT INTO settings (key, value) VALUES ('routing.low-debt-limit', '75000') "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  sync_test_sync (a1);
  g_assert_cmpstr (sync_test_query_text (a1, "SELECT coalesce (group_concat (message), '') FROM sync_log"), ==, "");
  sign_in (a2, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  sync_test_sync (a2);
  g_assert_cmpstr (sync_test_query_text (a2, "SELECT value FROM settings WHERE key = 'routing.low-debt-limit'"), ==, "75000");
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM sync_outbox WHERE state = 'queued'"), ==, 0);

  /* The analyst renames a user: only managers manage users. */
  sign_in (a1, ANALYST_UUID, "analista", "Ana López", GEST_ROLE_CS_ANALYST);
  exec_as_user (a1, "UPDATE users SET name = 'Raúl Vega Ortiz' WHERE login = 'cobranza'");
  sync_test_sync (a1);
  message = last_rejection (a1);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "manage users: it is for General manager. Ask one of them, or sign in as one.");
  g_clear_pointer (&message, g_free);

  /* Nobody makes themself another role, not even a manager. */
  sign_in (a1, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  exec_as_user (a1, "UPDATE users SET role = 'cs-head' WHERE login = 'gerente'");
  sync_test_sync (a1);
  message = last_rejection (a1);
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Laura Méndez (General manager) cannot change "
                                "their own role; another general manager must do it.");
  g_clear_pointer (&users, g_free);
  users = server_users (dealer);
  g_assert_cmpstr (users, ==, "analista:cs-analyst,cobranza:collections-agent,gerente:general-manager");

  g_clear_object (&a1);
  g_clear_object (&a2);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Conauto moves a trámite to @step on the server, as `admin advance` does (its own checks of
 * payment and documents are tested in test-server-folios.c). */
static void
conauto_step (const char *dealer_id,
              int         step)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH s AS (UPDATE dealers SET last_seq = last_seq + 1 WHERE id = '%s' RETURNING last_seq) "
    "UPDATE records r SET data = r.data || jsonb_build_object ('step', %d, 'step_since', 1764547200000000), "
    "field_versions = r.field_versions || jsonb_build_object ('step', s.last_seq, 'step_since', s.last_seq), "
    "version = s.last_seq FROM s WHERE r.dealer_id = '%s' AND r.entity = 'tramite' AND r.uuid = '" TRAMITE_UUID "'",
    dealer_id, step, dealer_id);
  g_autofree char *out = sync_test_psql (sql);
}

static char *
export_updates (const char *dir,
                const char *name,
                const char *dealer,
                const char *since)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *out = server_run ("export-updates", "--dealer", dealer, "--since", since, "--output", path, NULL);

  return path;
}

static gboolean
import_file (GestStore          *store,
             const char         *path,
             GestConautoImport  *report,
             GError            **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return gest_sync_import_conauto_updates (store, bytes, report, error);
}

/* `gestiona-cli --db DB import conauto-updates FILE`: its exit status, stdout in @out. */
static int
cli_import (const char  *db,
            const char  *file,
            char       **out,
            char       **err)
{
  const char *argv[] = { g_getenv ("GESTIONA_CLI"), "--db", db, "import", "conauto-updates", file, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_signed_update_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *other = NULL;
  g_autofree char *number = NULL;
  g_autofree char *other_number = NULL;
  g_autofree char *key = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *file1 = NULL;
  g_autofree char *file2 = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *wrong_key = NULL;
  g_autoptr(GestStore) synced = NULL;
  g_autoptr(GestStore) offline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offline_path = NULL;
  g_autofree char *cli_out = NULL;
  g_autofree char *cli_err = NULL;
  GestConautoImport report = { 0, };
  guint8 pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  char *at;
  gsize length = 0;

  if (skip_without_server ())
    return;
  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Huejotzingo");
  other = sync_test_new_dealer ("Ford Izúcar");
  number = sync_test_psql ("SELECT number FROM dealers WHERE name = 'Ford Huejotzingo'");
  other_number = sync_test_psql ("SELECT number FROM dealers WHERE name = 'Ford Izúcar'");
  key = server_run ("public-key", NULL);
  g_assert_true (gest_sync_conauto_key_valid (key));

  /* The server learns the trámite from a synced desktop (being set up: no users). */
  synced = sync_test_new_desktop (dir, "synced.db", dealer);
  add_tramite (synced, 3);
  sync_test_sync (synced);
  csv = g_build_filename (dir, "plans.csv", NULL);
  g_assert_true (g_file_set_contents (csv, "number,balance,overdue,installment,life_insurance,as_of\n"
                                           "PL-777,\"84,000.00\",0.00,\"2,500.00\",300.00,30/11/2026\n",
                                      -1, NULL));
  loaded = sync_test_admin ("load-plans", dealer, csv, NULL);
  conauto_step (dealer, 4);

  /* A desktop without sync holds the same trámite; a general manager set Conauto's key. */
  offline = open_store (dir, "offline.db");
  offline_path = g_build_filename (dir, "offline.db", NULL);
  add_tramite (offline, 3);
  g_assert_true (gest_sync_set_conauto_key (offline, key, g_ascii_strtoll (number, NULL, 10), &error));
  g_assert_no_error (error);

  file1 = export_updates (dir, "updates-1.json", number, "0");
  g_assert_true (import_file (offline, file1, &report, &error));
  g_assert_no_error (error);
  g_assert_false (report.replay);
  if (g_test_verbose ())
    g_printerr ("%u changes, %u not applied: %s\n", report.changes, report.not_applied,
                sync_test_query_text (offline, "SELECT group_concat (message, ' | ') FROM sync_log"));
  g_assert_cmpint (sync_test_query_int (offline, "SELECT step FROM tramites WHERE uuid = '" TRAMITE_UUID "'"), ==, 4);
  g_assert_cmpint (sync_test_query_int (offline, "SELECT balance FROM plans WHERE uuid = '" PLAN_UUID "'"), ==, 8400000);
  g_assert_cmpstr (sync_test_query_text (offline, "SELECT user_name || ' ' || user_role || ': ' || text FROM activity "
                                                  "WHERE record_uuid = '" TRAMITE_UUID "'"),
                   ==, "Conauto conauto-liaison: Conauto moved it to step 4 (update file).");
  g_assert_cmpint (sync_test_query_int (offline, "SELECT count(*) FROM sync_outbox WHERE entity IN ('tramite', 'plan') "
                                                 "AND state = 'queued' AND n > 3"), ==, 0);

  /* The same file again changes nothing. */
  g_assert_true (import_file (offline, file1, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.replay);
  g_assert_cmpint (sync_test_query_int (offline, "SELECT count(*) FROM activity"), ==, 1);
  /* And through the command line. */
  g_assert_cmpint (cli_import (offline_path, file1, &cli_out, &cli_err), ==, 0);
  g_assert_cmpstr (cli_out, ==, "This update file was imported before; nothing changed.\n");

  /* One byte of the payload changed: refused, nothing applied. */
  g_assert_true (g_file_get_contents (file1, &contents, &length, NULL));
  at = strstr (contents, "\\\"step\\\" : 4");
  g_assert_nonnull (at);
  at[strlen ("\\\"step\\\" : ")] = '5';
  tampered = g_build_filename (dir, "tampered.json", NULL);
  g_assert_true (g_file_set_contents (tampered, contents, (gssize) length, NULL));
  g_assert_false (import_file (offline, tampered, &report, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The update file’s signature does not match Conauto’s public key: the file "
                                       "was changed after Conauto signed it, or it was signed with another key. "
                                       "Nothing was imported; ask Conauto for the file again.");
  g_clear_error (&error);
  g_clear_pointer (&cli_err, g_free);
  g_assert_cmpint (cli_import (offline_path, tampered, NULL, &cli_err), ==, 1);
  g_assert_nonnull (strstr (cli_err, "signature does not match"));

  /* Conauto moves it on; a file signed with another key is refused like a tampered one. */
  conauto_step (dealer, 5);
  file2 = export_updates (dir, "updates-2.json", number, "0");
  crypto_sign_keypair (pk, sk);
  wrong_key = g_base64_encode (pk, sizeof pk);
  g_assert_true (gest_sync_set_conauto_key (offline, wrong_key, 0, &error));
  g_assert_false (import_file (offline, file2, &report, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (gest_sync_set_conauto_key (offline, key, 0, &error));

  /* Another dealer's file. */
  foreign = export_updates (dir, "foreign.json", other_number, "0");
  g_assert_false (import_file (offline, foreign, &report, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "and this desktop is dealer"));
  g_clear_error (&error);

  /* The newer file applies step 5; then the older one is refused. */
  g_assert_true (import_file (offline, file2, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_query_int (offline, "SELECT step FROM tramites WHERE uuid = '" TRAMITE_UUID "'"), ==, 5);
  g_assert_false (import_file (offline, file1, &report, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "older than the one already imported"));
  g_clear_error (&error);
  g_assert_cmpint (sync_test_query_int (offline, "SELECT step FROM tramites WHERE uuid = '" TRAMITE_UUID "'"), ==, 5);

  g_clear_object (&synced);
  g_clear_object (&offline);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GESTIONA_SYNC_TOKEN_STORE", "file", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/sync/users/12/analyst-refused-by-server", test_analyst_refused_by_server);
  g_test_add_func ("/sync/users/12/manager-creates-user-second-desktop", test_manager_creates_user);
  g_test_add_func ("/sync/conauto/T7/signed-update-file", test_signed_update_file);

  return g_test_run ();
}
