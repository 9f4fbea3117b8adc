/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12: dealer users, Argon2id hashes, sign-in and the permissions checked where changes
 * are made (src/store/gest-users.c, gest_store_save_routing_settings()). */
#define _GNU_SOURCE
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-demo.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-users.h"

#define WRONG_LOGIN_MESSAGE "The login or the password is wrong. Check both (the password tells " \
                            "capitals from small letters) and try again."

typedef struct
{
  char      *dir;
  char      *path;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = gest_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "users.db", NULL);
  f->store = gest_store_open (f->path, NULL);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  g_free (f->path);
  gest_test_tmpdir_free (f->dir);
}

/* Ana, general manager, signed in; Luis, an analyst (password "analista-123"). */
static char *
make_manager_and_analyst (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestUser) ana = NULL;
  char *luis;

  ana = gest_users_create_first (f->store, "Ana", "Ana López", "secreto-123", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ana);
  luis = gest_users_create (f->store, "luis", "Luis Pérez", "luis@example.mx", GEST_ROLE_CS_ANALYST,
                            "analista-123", &error);
  g_assert_no_error (error);
  g_assert_nonnull (luis);
  return luis;
}

static GestUser *
sign_in (Fixture    *f,
         const char *login,
         const char *password)
{
  g_autoptr(GError) error = NULL;
  GestUser *user = gest_users_sign_in (f->store, login, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_assert_true (gest_store_get_user (f->store) == user);
  return user;
}

static void
test_hash (void)
{
  g_autofree char *hash = gest_password_hash ("contraseña segura");
  g_autofree char *again = gest_password_hash ("contraseña segura");

  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  /* A salt of its own each time. */
  g_assert_cmpstr (hash, !=, again);
  g_assert_true (gest_password_verify (hash, "contraseña segura"));
  g_assert_false (gest_password_verify (hash, "Contraseña segura"));
  g_assert_false (gest_password_verify ("", "contraseña segura"));
  g_assert_false (gest_password_verify ("plain text", "plain text"));
}

static void
test_checks (void)
{
  g_autofree char *short_login = gest_users_check_login ("a");
  g_autofree char *accent = gest_users_check_login ("josé");
  g_autofree char *upper = gest_users_check_login ("Ana");
  g_autofree char *no_name = gest_users_check_name ("  ");
  g_autofree char *rlo = gest_users_check_name ("Ana\xe2\x80\xae" "fdp");
  g_autofree char *short_pw = gest_users_check_password ("ana", "1234567");
  g_autofree char *same_pw = gest_users_check_password ("ana.lopez", "ANA.LOPEZ");

  g_assert_null (gest_users_check_login ("jefe.atencion"));
  g_assert_cmpstr (short_login, ==, "A login has 2 to 32 characters.");
  g_assert_cmpstr (accent, ==, "A login uses only small letters without accents (a-z), digits, and “.”, “_” or “-”.");
  g_assert_nonnull (upper);
  g_assert_null (gest_users_check_name ("Ana López"));
  g_assert_cmpstr (no_name, ==, "The name is missing.");
  g_assert_cmpstr (rlo, ==, "A name cannot hold control characters.");
  g_assert_null (gest_users_check_password ("ana", "12345678"));
  g_assert_cmpstr (short_pw, ==, "A password has at least 8 characters.");
  g_assert_cmpstr (same_pw, ==, "The password cannot be the login.");
}

/* The hash, never the password, is in the file (and its WAL). */
static void
test_no_plaintext (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *luis = make_manager_and_analyst (f);
  g_autofree char *hash = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  const char *files[] = { f->path, wal };

  g_assert_cmpint (gest_test_query_int (f->store,
                                        "SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$%'"),
                   ==, 2);
  g_clear_object (&f->store);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;

      if (!g_file_get_contents (files[i], &bytes, &len, NULL))
        continue;
      g_assert_null (memmem (bytes, len, "secreto-123", strlen ("secreto-123")));
      g_assert_null (memmem (bytes, len, "analista-123", strlen ("analista-123")));
      /* The search does find what is there. */
      if (i == 0)
        g_assert_nonnull (memmem (bytes, len, "$argon2id$", strlen ("$argon2id$")));
    }
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *luis = make_manager_and_analyst (f);
  g_autoptr(GestUser) user = NULL;
  GestUser *none;

  gest_store_set_user (f->store, NULL);
  user = sign_in (f, "LUIS", "analista-123");
  g_assert_cmpstr (user->uuid, ==, luis);
  g_assert_cmpstr (user->login, ==, "luis");
  g_assert_cmpstr (user->name, ==, "Luis Pérez");
  g_assert_cmpint (user->role, ==, GEST_ROLE_CS_ANALYST);

  /* A wrong password and an unknown login read the same. */
  gest_store_set_user (f->store, NULL);
  none = gest_users_sign_in (f->store, "luis", "analista-124", &error);
  g_assert_null (none);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, WRONG_LOGIN_MESSAGE);
  g_clear_error (&error);
  none = gest_users_sign_in (f->store, "nadie", "analista-123", &error);
  g_assert_null (none);
  g_assert_cmpstr (error->message, ==, WRONG_LOGIN_MESSAGE);
  g_clear_error (&error);
  g_assert_null (gest_store_get_user (f->store));

  /* Deactivated: told so (with the right password only). */
  g_clear_pointer (&user, gest_user_unref);
  user = sign_in (f, "ana", "secreto-123");
  g_assert_true (gest_users_set_active (f->store, luis, FALSE, &error));
  g_assert_no_error (error);
  gest_store_set_user (f->store, NULL);
  none = gest_users_sign_in (f->store, "luis", "analista-123", &error);
  g_assert_null (none);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The user “luis” is deactivated and cannot sign in. Ask a "
                                       "general manager to activate it again.");
  g_clear_error (&error);
  none = gest_users_sign_in (f->store, "luis", "otra-cosa-1", &error);
  g_assert_cmpstr (error->message, ==, WRONG_LOGIN_MESSAGE);
}

static void
test_sign_in_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *luis = make_manager_and_analyst (f);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GestUser) user = NULL;

  gest_store_set_user (f->store, NULL);
  gest_users_sign_in_async (f->store, "luis", "analista-124", NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_null (gest_users_sign_in_finish (f->store, result, &error));
  g_assert_cmpstr (error->message, ==, WRONG_LOGIN_MESSAGE);
  g_assert_null (gest_store_get_user (f->store));
  g_clear_error (&error);
  g_clear_object (&result);

  gest_users_sign_in_async (f->store, "luis", "analista-123", NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  user = gest_users_sign_in_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->uuid, ==, luis);
  g_assert_true (gest_store_get_user (f->store) == user);
}

static void
test_first_only_once (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestUser) ana = NULL;
  g_autoptr(GestUser) again = NULL;
  g_autofree char *early = NULL;

  g_assert_false (gest_store_has_users (f->store));
  /* Before the first run nobody can be added as an ordinary user. */
  early = gest_users_create (f->store, "luis", "Luis Pérez", NULL, GEST_ROLE_CS_ANALYST, "analista-123", &error);
  g_assert_null (early);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "This database has no users yet: create its general manager first "
                                       "(in the command line, “gestiona-cli user first LOGIN --name NAME”).");
  g_clear_error (&error);

  ana = gest_users_create_first (f->store, "ana", "Ana López", "secreto-123", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ana->role, ==, GEST_ROLE_GENERAL_MANAGER);
  g_assert_true (gest_store_get_user (f->store) == ana);
  g_assert_true (gest_store_has_users (f->store));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM users WHERE changed_by = 'ana' AND updated_at > 0"), ==, 1);

  gest_store_set_user (f->store, NULL);
  again = gest_users_create_first (f->store, "otro", "Otro Gerente", "secreto-456", &error);
  g_assert_null (again);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "This database already has users: sign in as a general manager to add one.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM users"), ==, 1);
  g_assert_null (gest_store_get_user (f->store));
}

/* An analyst cannot manage users nor change the thresholds; nobody signed in cannot either. */
static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *luis = make_manager_and_analyst (f);
  g_autoptr(GestUser) user = NULL;
  g_autofree char *other = NULL;
  g_auto(GestRoutingSettings) settings = { 0 };
  g_auto(GestRoutingSettings) after = { 0 };

  user = sign_in (f, "luis", "analista-123");
  other = gest_users_create (f->store, "pedro", "Pedro Ruiz", NULL, GEST_ROLE_GENERAL_MANAGER, "pedro-12345", &error);
  g_assert_null (other);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "Luis Pérez (Customer service analyst) cannot manage users: it is for "
                                       "General manager. Ask one of them, or sign in as one.");
  g_clear_error (&error);
  /* Not even their own role. */
  g_assert_false (gest_users_update (f->store, luis, "Luis Pérez", NULL, GEST_ROLE_GENERAL_MANAGER, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);

  gest_store_load_routing_settings (f->store, &settings);
  settings.low_debt_limit = 1;
  settings.installments_limit = 99;
  g_assert_false (gest_store_save_routing_settings (f->store, &settings, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "Luis Pérez (Customer service analyst) cannot change the routing "
                                       "thresholds: it is for General manager, Finance manager. Ask one "
                                       "of them, or sign in as one.");
  g_clear_error (&error);
  /* Nor one key at a time, as the preferences save them. */
  g_assert_false (gest_store_set_setting (f->store, "routing.installments-limit", "99", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (gest_store_set_setting (f->store, "app.first-run-done", "1", &error));
  g_assert_no_error (error);
  gest_store_load_routing_settings (f->store, &after);
  g_assert_cmpuint (after.installments_limit, !=, 99);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM users"), ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM users WHERE role = 'cs-analyst'"), ==, 1);

  /* Nobody signed in on a database with users. */
  gest_store_set_user (f->store, NULL);
  g_assert_false (gest_store_save_routing_settings (f->store, &settings, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "Nobody is signed in. Sign in (in the command line, with --user "
                                       "LOGIN) and try again.");
  g_clear_error (&error);

  /* A finance manager may. */
  gest_test_sign_in (f->store, GEST_ROLE_FINANCE_MANAGER);
  g_assert_true (gest_store_save_routing_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  gest_routing_settings_clear (&after);
  gest_store_load_routing_settings (f->store, &after);
  g_assert_cmpuint (after.installments_limit, ==, 99);
}

static void
test_last_manager (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *luis = make_manager_and_analyst (f);
  g_autofree char *pedro = NULL;
  g_autoptr(GestUserRow) ana = gest_users_find (f->store, "ana", &error);
  g_autoptr(GestUser) pedro_user = NULL;

  g_assert_no_error (error);
  g_assert_false (gest_users_set_active (f->store, ana->uuid, FALSE, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "You cannot deactivate yourself. Another general manager can.");
  g_clear_error (&error);
  g_assert_false (gest_users_update (f->store, ana->uuid, "Ana López", NULL, GEST_ROLE_CS_HEAD, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Ana López is the only active general manager: without one nobody "
                                       "could manage users. Give another user that role first.");
  g_clear_error (&error);

  /* With a second manager Ana may step down, and Pedro is then the last one. */
  pedro = gest_users_create (f->store, "pedro", "Pedro Ruiz", NULL, GEST_ROLE_GENERAL_MANAGER, "pedro-12345", &error);
  g_assert_no_error (error);
  g_assert_true (gest_users_update (f->store, ana->uuid, "Ana López", NULL, GEST_ROLE_CS_HEAD, &error));
  g_assert_no_error (error);
  g_assert_false (gest_users_update (f->store, pedro, "Pedro Ruiz", NULL, GEST_ROLE_CS_HEAD, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);   /* Ana is no longer a manager */
  g_clear_error (&error);
  pedro_user = sign_in (f, "pedro", "pedro-12345");
  g_assert_false (gest_users_update (f->store, pedro, "Pedro Ruiz", NULL, GEST_ROLE_CS_HEAD, &error));
  g_assert_cmpstr (error->message, ==, "Pedro Ruiz is the only active general manager: without one nobody "
                                       "could manage users. Give another user that role first.");
  g_clear_error (&error);
  /* Conauto is no dealer role. */
  g_assert_false (gest_users_update (f->store, luis, "Luis Pérez", NULL, GEST_ROLE_CONAUTO, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
}

/* X5: every entry after sign-in names the user; the user's changes are logged on the user's
 * record, naming what changed and never the password. */
static void
test_log_names_user (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *luis = make_manager_and_analyst (f);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GestUser) user = NULL;

  g_assert_true (gest_users_update (f->store, luis, "Luis Pérez Díaz", "luis@example.mx", GEST_ROLE_CS_HEAD, &error));
  g_assert_true (gest_users_set_password (f->store, luis, NULL, "nueva-clave-1", &error));
  g_assert_true (gest_users_set_active (f->store, luis, FALSE, &error));
  g_assert_true (gest_users_set_active (f->store, luis, TRUE, &error));
  g_assert_no_error (error);

  entries = gest_activity_log_list (f->store, luis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[0])->text, ==,
                   "User “luis” (Luis Pérez) created as Customer service analyst.");
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[1])->text, ==,
                   "User “luis” changed: name from “Luis Pérez” to “Luis Pérez Díaz”; role from "
                   "Customer service analyst to Head of customer service.");
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[2])->text, ==,
                   "Password of user “luis” (Luis Pérez Díaz) changed.");
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[3])->text, ==,
                   "User “luis” (Luis Pérez Díaz) deactivated: they can no longer sign in.");
  for (guint i = 0; i < entries->len; i++)
    {
      GestActivityEntry *entry = entries->pdata[i];

      g_assert_cmpstr (entry->user_name, ==, "Ana López");
      g_assert_cmpstr (entry->user_role, ==, "general-manager");
      g_assert_null (strstr (entry->text, "nueva-clave-1"));
    }
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM users WHERE login = 'luis' "
                                                  "AND changed_by = 'ana' AND email = 'luis@example.mx'"), ==, 1);

  /* Signed in as Luis (his own password change needs the old one), his entries are his. */
  user = sign_in (f, "luis", "nueva-clave-1");
  g_assert_false (gest_users_set_password (f->store, luis, "equivocada-1", "otra-clave-2", &error));
  g_assert_cmpstr (error->message, ==, "The current password is wrong, so the password was not changed.");
  g_clear_error (&error);
  g_assert_true (gest_users_set_password (f->store, luis, "nueva-clave-1", "otra-clave-2", &error));
  g_assert_cmpint (gest_activity_log_append (f->store, "aaaaaaaa-1111-4111-8111-111111111111",
                                             GEST_ACTIVITY_NOTE, "Nota", NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  /* The password change (on his record) and the note. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE "
                                                  "user_name = 'Luis Pérez Díaz' AND user_role = 'cs-head'"),
                   ==, 2);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE user_name NOT IN "
                                                  "('Ana López', 'Luis Pérez Díaz')"), ==, 0);
}

/* The demo has one user of every dealer role, all with the demo password. */
static void
test_demo_users (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const GestDemoUser *users = gest_demo_get_users (&n);

  g_assert_cmpuint (n, ==, GEST_N_DEALER_ROLES);
  g_assert_true (gest_demo_fill (f->store, 3, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(DISTINCT password_hash) FROM users WHERE login <> ''"), ==, 1);
  for (guint r = 0; r < GEST_N_DEALER_ROLES; r++)
    {
      g_autoptr(GestUser) user = NULL;
      const GestDemoUser *demo = NULL;

      for (guint i = 0; i < n; i++)
        if (users[i].role == (GestRole) r)
          demo = &users[i];
      g_assert_nonnull (demo);
      g_assert_cmpstr (gest_demo_user_name_for_role ((GestRole) r), ==, demo->name);
      if (r == GEST_ROLE_GENERAL_MANAGER || r == GEST_ROLE_CS_ANALYST)
        {
          user = sign_in (f, demo->login, GEST_DEMO_PASSWORD);
          g_assert_cmpint (user->role, ==, r);
          g_assert_cmpstr (user->name, ==, demo->name);
        }
    }
  g_assert_null (gest_demo_user_name_for_role (GEST_ROLE_CONAUTO));
  g_assert_true (gest_store_has_users (f->store));
  /* The fill signed its finance manager in only while it ran. */
  gest_store_set_user (f->store, NULL);
  /* A second fill adds more (the logins it has are kept); either way the session is back. */
  if (!gest_demo_fill (f->store, 2, 2, NULL, &error))
    g_clear_error (&error);
  g_assert_null (gest_store_get_user (f->store));
  /* Every entry the demo logged names one of its users. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), >, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE user_name NOT IN "
                                                  "(SELECT name FROM users)"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();

  g_test_add_func ("/users/hash/argon2id", test_hash);
  g_test_add_func ("/users/checks", test_checks);
  g_test_add ("/users/hash/no-plaintext-in-file", Fixture, NULL, fixture_setup, test_no_plaintext, fixture_teardown);
  g_test_add ("/users/sign-in", Fixture, NULL, fixture_setup, test_sign_in, fixture_teardown);
  g_test_add ("/users/sign-in-async", Fixture, NULL, fixture_setup, test_sign_in_async, fixture_teardown);
  g_test_add ("/users/first-run-once", Fixture, NULL, fixture_setup, test_first_only_once, fixture_teardown);
  g_test_add ("/users/permissions/T2/analyst-refused", Fixture, NULL, fixture_setup, test_permissions, fixture_teardown);
  g_test_add ("/users/last-general-manager", Fixture, NULL, fixture_setup, test_last_manager, fixture_teardown);
  g_test_add ("/users/X5/log-names-user", Fixture, NULL, fixture_setup, test_log_names_user, fixture_teardown);
  g_test_add ("/users/demo-users", Fixture, NULL, fixture_setup, test_demo_users, fixture_teardown);

  return g_test_run ();
}
