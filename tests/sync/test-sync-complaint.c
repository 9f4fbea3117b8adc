/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13.8: a complaint, its task and the catalogs travel to the dealer's other desktop;
 * the server accepts the head's approval (Q8) only from a role that may approve, even from a
 * desktop edited behind the app's back. Against the real gestiona-server and PostgreSQL
 * (tests/server/pg-env.sh). */
#include "config.h"

#include <locale.h>
#include <sodium.h>

#include "gest-complaint.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-sync-client.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "sync-test-util.h"

#define GM_UUID       "a1000000-0000-4000-8000-000000000001"
#define ANALYST_UUID  "a1000000-0000-4000-8000-000000000002"
#define HEAD_UUID     "a1000000-0000-4000-8000-000000000003"
#define FAKE_HASH     "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo"

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

static void
test_complaint_reaches_second_desktop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dealer = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *cause = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GestStore) a1 = NULL;
  g_autoptr(GestStore) a2 = NULL;
  g_autoptr(GestComplaint) seen = NULL;
  g_autoptr(GError) error = NULL;
  GestComplaintIntake intake = {
    .kind = GEST_COMPLAINT_KIND_CLAIM, .channel = GEST_COMPLAINT_CHANNEL_PHONE,
    .customer_uuid = "c0000000-0000-4000-8000-000000000001", .complainant_name = "María Pérez López",
    .summary = "Le cobraron dos veces la cuota.", .responsible_uuid = ANALYST_UUID,
  };
  GDate due;

  if (!sync_test_have_server ())
    {
      g_test_skip ("needs gestiona-server and PostgreSQL: run through tests/server/pg-env.sh");
      return;
    }
  dir = gest_test_tmpdir_new ();
  dealer = sync_test_new_dealer ("Ford Tehuacán");
  a1 = open_store (dir, "a1.db");
  add_user (a1, GM_UUID, "gerente", "Laura Méndez", "general-manager");
  add_user (a1, ANALYST_UUID, "analista", "Ana López", "cs-analyst");
  add_user (a1, HEAD_UUID, "jefe.atencion", "Patricia Gómez", "cs-head");
  enroll (a1, dealer, "a1");
  sign_in (a1, GM_UUID, "gerente", "Laura Méndez", GEST_ROLE_GENERAL_MANAGER);
  /* A write transaction names its author (gest_store_begin); a bare statement would not. */
  g_assert_true (gest_store_begin (a1, TRUE, &error));
  sync_test_exec (a1, "INSERT INTO customers (uuid, name) VALUES ('c0000000-0000-4000-8000-000000000001', 'María Pérez López')");
  g_assert_true (gest_store_commit (a1, &error));
  sign_in (a1, HEAD_UUID, "jefe.atencion", "Patricia Gómez", GEST_ROLE_CS_HEAD);
  g_assert_true (gest_complaint_catalog_add (a1, "cause", "Cobro indebido", &cause, &error));
  g_assert_no_error (error);

  sign_in (a1, ANALYST_UUID, "analista", "Ana López", GEST_ROLE_CS_ANALYST);
  g_assert_true (gest_complaint_create (a1, &intake, &uuid, &folio, &error));
  g_assert_true (gest_complaint_assign (a1, uuid, ANALYST_UUID, "PR", "Luis Gómez", "", &error));
  gest_date_today (&due);
  g_date_add_days (&due, 2);
  g_assert_true (gest_complaint_add_task (a1, uuid, HEAD_UUID, "Revisar el cargo", &due, NULL, &error));
  g_assert_true (gest_complaint_set_solution (a1, uuid, "Se reembolsa la cuota.", &error));
  g_assert_no_error (error);
  sync_test_sync (a1);
  g_assert_cmpstr (sync_test_query_text (a1, "SELECT coalesce (group_concat (message), '') FROM sync_log WHERE kind = 'rejected'"), ==, "");
  g_assert_cmpstr (sync_test_psql ("SELECT count(*) FROM records WHERE entity = 'complaint' AND NOT deleted"), ==, "1");

  a2 = open_store (dir, "a2.db");
  enroll (a2, dealer, "a2");
  sign_in (a2, HEAD_UUID, "jefe.atencion", "Patricia Gómez", GEST_ROLE_CS_HEAD);
  sync_test_sync (a2);
  seen = gest_complaint_load (a2, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->folio, ==, folio);
  g_assert_cmpint (seen->stage, ==, GEST_COMPLAINT_ASSIGNED);
  g_assert_cmpstr (seen->document_status, ==, "PR");
  g_assert_cmpstr (seen->solution, ==, "Se reembolsa la cuota.");
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM complaint_tasks"), ==, 1);
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM complaint_catalog WHERE kind = 'cause'"), ==, 1);

  /* Q8: the analyst's desktop writes the approval behind the app's back: the server refuses. */
  g_assert_true (gest_store_begin (a1, TRUE, &error));
  sql = g_strdup_printf ("UPDATE complaints SET solution_approved_by = '%s', solution_approved_at = 5,"
                         " updated_at = updated_at + 1 WHERE uuid = '%s'", ANALYST_UUID, uuid);
  sync_test_exec (a1, sql);
  g_assert_true (gest_store_commit (a1, &error));
  sync_test_sync (a1);
  message = sync_test_query_text (a1, "SELECT coalesce ((SELECT message FROM sync_log WHERE kind = 'rejected' "
                                      "ORDER BY id DESC LIMIT 1), '')");
  g_assert_cmpstr (message, ==, "The server rejected a change made here: For the server, Ana López (Customer service analyst) cannot "
                                "approve the solution of a complaint: it is for General manager, Head of customer service. "
                                "Ask one of them, or sign in as one.");

  /* The head's approval from a2 is accepted. */
  g_assert_true (gest_complaint_approve_solution (a2, uuid, &error));
  g_assert_no_error (error);
  sync_test_sync (a2);
  g_assert_cmpint (sync_test_query_int (a2, "SELECT count(*) FROM sync_log WHERE kind = 'rejected'"), ==, 0);

  g_clear_object (&a1);
  g_clear_object (&a2);
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
  gest_domain_modules_init ();

  g_test_add_func ("/sync/complaints/Q8/case-syncs-and-approval-by-role", test_complaint_reaches_second_desktop);
  return g_test_run ();
}
