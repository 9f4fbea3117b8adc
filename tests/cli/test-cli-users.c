/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12 in the command line: `gestiona-cli --user LOGIN` (password from $GESTIONA_PASSWORD
 * or a prompt without echo), the `user` commands, and the permissions the domain checks, seen
 * from the real program ($GESTIONA_CLI): an analyst cannot change the routing thresholds (T2)
 * nor manage users; exit status 1 with the message. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "gest-activity-log.h"
#include "gest-store.h"
#include "cli-test-util.h"
#include "gest-test-util.h"

#define PREFIX "gestiona-cli: "
#define WRONG_LOGIN "gestiona-cli: The login or the password is wrong. Check both (the password " \
                    "tells capitals from small letters) and try again.\n"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* As @login with @password ($GESTIONA_PASSWORD); the words after it end with NULL. */
static int G_GNUC_NULL_TERMINATED
run_as (CliFixture *f,
        const char *login,
        const char *password,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *word;
  va_list ap;
  int status;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--user");
  g_ptr_array_add (args, (gpointer) login);
  va_start (ap, password);
  while ((word = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) word);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_setenv ("GESTIONA_PASSWORD", password, TRUE);
  status = gest_test_run_cli ((const char * const *) args->pdata, &f->out, &f->err);
  g_unsetenv ("GESTIONA_PASSWORD");
  return status;
}

/* A database with Mariana, general manager (“gerente”, secreto-123) and Luis, analyst
 * (“luis”, analista-123). */
static void
make_users (CliFixture *f)
{
  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_setenv ("GESTIONA_NEW_PASSWORD", "secreto-123", TRUE);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "gerente", "--name", "Mariana Torres", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "User “gerente” (Mariana Torres) created as General manager.\n");
  g_setenv ("GESTIONA_NEW_PASSWORD", "analista-123", TRUE);
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "add", "Luis", "--name", "Luis Pérez",
                           "--role=cs-analyst", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "User “luis” (Luis Pérez) created as Customer service analyst.\n");
  g_unsetenv ("GESTIONA_NEW_PASSWORD");
}

static void
test_first_add_list (CliFixture    *f,
                     gconstpointer  data)
{
  make_users (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "luis\tLuis Pérez\tcs-analyst\tactive\t\n"
                   "gerente\tMariana Torres\tgeneral-manager\tactive\t\n");
  /* The first run happens once. */
  g_setenv ("GESTIONA_NEW_PASSWORD", "otra-clave-1", TRUE);
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "first", "otro", "--name", "Otro", NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "This database already has users: sign in as a general manager to add one.\n");
  g_unsetenv ("GESTIONA_NEW_PASSWORD");
  /* Who is signed in. */
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", NULL, NULL, NULL, NULL, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "luis\tLuis Pérez\tcs-analyst\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "Nobody is signed in. Sign in (in the command line, with --user "
                                      "LOGIN) and try again.\n");
}

static void
test_wrong_password (CliFixture    *f,
                     gconstpointer  data)
{
  make_users (f);
  g_assert_cmpint (run_as (f, "luis", "analista-124", "user", NULL, NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, WRONG_LOGIN);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run_as (f, "nadie", "analista-123", "user", "list", NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, WRONG_LOGIN);
  /* A module's verb signs in the same way. */
  g_assert_cmpint (run_as (f, "luis", "analista-124", "tramite", "list", NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, WRONG_LOGIN);
  g_assert_cmpint (run_as (f, "luis", "analista-123", "tramite", "list", "--count", NULL, NULL, NULL), ==, 0);
}

/* T2 thresholds: the analyst is refused, the general manager is not; nobody signed in is
 * refused on a database with users. */
static void
test_routing_refused (CliFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *before = NULL;

  make_users (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "settings", "routing", NULL), ==, 0);
  before = g_strdup (f->out);

  g_assert_cmpint (run_as (f, "luis", "analista-123", "settings", "routing", "--low-debt-limit", "$1,000.00",
                           NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "Luis Pérez (Customer service analyst) cannot change the routing "
                                      "thresholds: it is for General manager, Finance manager. Ask one of "
                                      "them, or sign in as one.\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "settings", "routing", "--installments", "7", NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "Nobody is signed in. Sign in (in the command line, with --user "
                                      "LOGIN) and try again.\n");
  g_assert_cmpint (cli_run (f, "--db", f->db, "settings", "routing", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, before);

  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "settings", "routing", "--low-debt-limit", "1000",
                           "--installments", "7", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "low-debt-limit\t$1,000.00\ninstallments\t7\n");
}

static void
test_analyst_cannot_manage_users (CliFixture    *f,
                                  gconstpointer  data)
{
  make_users (f);
  g_setenv ("GESTIONA_NEW_PASSWORD", "pedro-12345", TRUE);
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", "add", "pedro", "--name", "Pedro",
                           "--role", "general-manager", NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "Luis Pérez (Customer service analyst) cannot manage users: it is "
                                      "for General manager. Ask one of them, or sign in as one.\n");
  g_unsetenv ("GESTIONA_NEW_PASSWORD");
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", "set-role", "luis", "general-manager", NULL, NULL), ==, 1);
  assert_contains (f->err, "cannot manage users");
  g_assert_cmpint (cli_run (f, "--db", f->db, "user", "deactivate", "gerente", NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "Nobody is signed in. Sign in (in the command line, with --user "
                                      "LOGIN) and try again.\n");
  /* Conauto is not a role of the dealership. */
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "set-role", "luis", "conauto-liaison", NULL, NULL), ==, 2);
}

static void
test_last_manager_and_deactivate (CliFixture    *f,
                                  gconstpointer  data)
{
  make_users (f);
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "deactivate", "gerente", NULL, NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "You cannot deactivate yourself. Another general manager can.\n");
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "set-role", "gerente", "cs-head", NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "Mariana Torres is the only active general manager: without one "
                                      "nobody could manage users. Give another user that role first.\n");

  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "deactivate", "luis", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", NULL, NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, PREFIX "The user “luis” is deactivated and cannot sign in. Ask a general "
                                      "manager to activate it again.\n");
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "activate", "luis", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", NULL, NULL, NULL, NULL, NULL), ==, 0);
}

static void
test_passwd (CliFixture    *f,
             gconstpointer  data)
{
  make_users (f);
  g_setenv ("GESTIONA_NEW_PASSWORD", "nueva-clave-1", TRUE);
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", "passwd", "luis", NULL, NULL, NULL), ==, 0);
  /* Not someone else's. */
  g_assert_cmpint (run_as (f, "luis", "nueva-clave-1", "user", "passwd", "gerente", NULL, NULL, NULL), ==, 1);
  assert_contains (f->err, "cannot manage users");
  g_setenv ("GESTIONA_NEW_PASSWORD", "corta", TRUE);
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "passwd", "luis", NULL, NULL, NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, PREFIX "A password has at least 8 characters.\n");
  g_unsetenv ("GESTIONA_NEW_PASSWORD");
  g_assert_cmpint (run_as (f, "luis", "analista-123", "user", NULL, NULL, NULL, NULL, NULL), ==, 1);
  g_assert_cmpint (run_as (f, "luis", "nueva-clave-1", "user", NULL, NULL, NULL, NULL, NULL), ==, 0);
}

/* X5: what the signed-in user does is theirs in the log. */
static void
test_log_names_user (CliFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;

  make_users (f);
  g_assert_cmpint (run_as (f, "gerente", "secreto-123", "user", "set-role", "luis", "finance-manager", NULL, NULL), ==, 0);
  g_assert_cmpint (run_as (f, "luis", "analista-123", "settings", "routing", "--installments", "4", NULL, NULL), ==, 0);
  store = gest_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM activity"), ==, 3);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM activity WHERE user_name = 'Mariana Torres' "
                                               "AND user_role = 'general-manager'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM activity WHERE text = 'User “luis” "
                                               "changed: role from Customer service analyst to Finance "
                                               "manager.'"), ==, 1);
  g_assert_cmpint (gest_test_query_int (store, "SELECT count(*) FROM users WHERE login = 'luis' AND changed_by = 'gerente'"), ==, 1);
}

/* Without $GESTIONA_PASSWORD and without a terminal there is nobody to ask. */
static void
test_no_password (CliFixture    *f,
                  gconstpointer  data)
{
  make_users (f);
  if (isatty (STDIN_FILENO))
    {
      g_test_skip ("stdin is a terminal");
      return;
    }
  g_assert_cmpint (cli_run (f, "--db", f->db, "--user", "luis", "user", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, PREFIX "A password is needed: set $GESTIONA_PASSWORD, or run the command "
                                      "in a terminal to type it.\n");
}

/* The prompt, through a pseudo-terminal (script(1)): the password typed is not echoed. */
static void
test_prompt (CliFixture    *f,
             gconstpointer  data)
{
  g_autofree char *script = g_find_program_in_path ("script");
  const char *cli = g_getenv ("GESTIONA_CLI");
  const char *passwords[] = { "analista-123", "analista-124" };

  make_users (f);
  if (script == NULL)
    {
      g_test_skip ("script(1) is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *command = NULL;
      g_autofree char *quoted = NULL;
      g_autofree char *shell = NULL;
      int status = -1;

      command = g_strdup_printf ("%s --db %s --user luis user", cli, f->db);
      quoted = g_shell_quote (command);
      shell = g_strdup_printf ("(sleep 1; printf '%%s\\n' %s) | script -qec %s /dev/null",
                               passwords[i], quoted);
      g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "/bin/sh", (char *) "-c", shell, NULL }, NULL,
                                   G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      assert_contains (out, "Password for luis: ");
      g_assert_null (strstr (out, passwords[i]));
      if (i == 0)
        {
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          assert_contains (out, "luis\tLuis Pérez\tcs-analyst");
        }
      else
        {
          g_assert_false (g_spawn_check_wait_status (status, NULL));
          assert_contains (out, "The login or the password is wrong.");
        }
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("GESTIONA_PASSWORD");
  g_unsetenv ("GESTIONA_NEW_PASSWORD");

#define ADD(path, func) g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/users/first-add-list", test_first_add_list);
  ADD ("/cli/users/wrong-password", test_wrong_password);
  ADD ("/cli/users/T2/analyst-cannot-change-thresholds", test_routing_refused);
  ADD ("/cli/users/analyst-cannot-manage-users", test_analyst_cannot_manage_users);
  ADD ("/cli/users/last-general-manager", test_last_manager_and_deactivate);
  ADD ("/cli/users/passwd", test_passwd);
  ADD ("/cli/users/X5/log-names-user", test_log_names_user);
  ADD ("/cli/users/no-password-no-terminal", test_no_password);
  ADD ("/cli/users/prompt-without-echo", test_prompt);
#undef ADD

  return g_test_run ();
}
