/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-roles.h"
#include "gest-users.h"

/* `gestiona-cli user …`: the dealer's users (issue 12) belong to no module. Every change is
 * checked by gest-users.c (GEST_PERMISSION_MANAGE_USERS of the --user), not here. */

#define USER_USAGE N_("Usage: user [list] | user first LOGIN --name NAME | user add LOGIN --name NAME " \
                      "--role ROLE [--email EMAIL] | user set-role LOGIN ROLE | user deactivate LOGIN | " \
                      "user activate LOGIN | user passwd LOGIN")

static int
usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

/* One line from the terminal without echo; NULL at end of input. */
static char *
prompt_no_echo (const char *prompt)
{
  struct termios old, quiet;
  char buf[1024];
  gboolean restore;
  char *line;

  g_printerr ("%s", prompt);
  restore = tcgetattr (STDIN_FILENO, &old) == 0;
  if (restore)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  line = fgets (buf, sizeof buf, stdin);
  if (restore)
    tcsetattr (STDIN_FILENO, TCSANOW, &old);
  if (line == NULL)
    return NULL;
  buf[strcspn (buf, "\r\n")] = '\0';
  line = g_strdup (buf);
  memset (buf, 0, sizeof buf);
  return line;
}

static gboolean
parse_role (const char *id,
            GestRole   *out)
{
  g_autoptr(GString) roles = NULL;

  if (gest_role_from_id (id, out) && gest_role_is_dealer (*out))
    return TRUE;
  roles = g_string_new (NULL);
  for (int i = 0; i < GEST_N_DEALER_ROLES; i++)
    g_string_append_printf (roles, "%s%s", i > 0 ? ", " : "", gest_role_id ((GestRole) i));
  g_printerr (_("gestiona-cli: “%s” is not a role of the dealership. Roles: %s.\n"), id, roles->str);
  return FALSE;
}

static gboolean
check_name_option (const char *name,
                   int        *status)
{
  g_autofree char *message = NULL;

  if (name == NULL)
    {
      *status = usage (_("--name NAME is missing: the user’s name, as the activity log shows it."));
      return FALSE;
    }
  message = gest_users_check_name (name);
  if (message != NULL)
    {
      g_autofree char *full = g_strdup_printf ("--name: %s", message);

      *status = usage (full);
      return FALSE;
    }
  return TRUE;
}

static int
show_current (GestStore *store)
{
  GestUser *user = gest_store_get_user (store);
  g_autofree char *name = gest_store_get_user_name (store);

  if (user != NULL)
    g_print ("%s\t%s\t%s\n", user->login, user->name, gest_role_id (user->role));
  else if (gest_store_has_users (store))
    {
      g_autoptr(GError) error = NULL;

      /* Says "Nobody is signed in…": the settings' user no longer acts. */
      gest_store_check_permission (store, GEST_PERMISSION_MANAGE_USERS, &error);
      return gest_cli_fail (error);
    }
  else
    g_print ("%s\t%s\n", name, gest_role_id (gest_store_get_user_role (store)));
  return GEST_CLI_EXIT_OK;
}

static int
list_users (GestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = gest_users_list (store, &error);

  if (rows == NULL)
    return gest_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      GestUserRow *row = g_ptr_array_index (rows, i);

      /* Fixed words for scripts: active / inactive. */
      g_print ("%s\t%s\t%s\t%s\t%s\n", row->login, row->name, gest_role_id (row->role),
               row->active ? "active" : "inactive", row->email);
    }
  return GEST_CLI_EXIT_OK;
}

static int
first_or_add (GestStore   *store,
              gboolean     first,
              const char  *login,
              const char  *name,
              const char  *role_id,
              const char  *email)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *uuid = NULL;
  GestRole role = GEST_ROLE_GENERAL_MANAGER;
  int status;

  if (!check_name_option (name, &status))
    return status;
  if (!first && role_id == NULL)
    return usage (_("--role ROLE is missing: the user’s role (general-manager, cs-analyst…)."));
  if (!first && !parse_role (role_id, &role))
    return GEST_CLI_EXIT_USAGE;

  password = gest_cli_read_password ("GESTIONA_NEW_PASSWORD", login, TRUE, &error);
  if (password == NULL)
    return gest_cli_fail (error);
  if (first)
    {
      g_autoptr(GestUser) user = gest_users_create_first (store, login, name, password, &error);

      if (user == NULL)
        return gest_cli_fail (error);
    }
  else if ((uuid = gest_users_create (store, login, name, email, role, password, &error)) == NULL)
    return gest_cli_fail (error);
  memset (password, 0, strlen (password));
  {
    g_autofree char *lower = g_utf8_strdown (login, -1);

    /* TRANSLATORS: the first %s is a login, the second a name, the third a role. */
    g_print (_("User “%s” (%s) created as %s.\n"), lower, name, gest_role_label (role));
  }
  return GEST_CLI_EXIT_OK;
}

static int
change_user (GestStore   *store,
             const char  *action,
             const char  *login,
             const char  *role_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestUserRow) row = gest_users_find (store, login, &error);
  gboolean ok;

  if (row == NULL)
    return gest_cli_fail (error);

  if (g_str_equal (action, "set-role"))
    {
      GestRole role;

      if (!parse_role (role_id, &role))
        return GEST_CLI_EXIT_USAGE;
      ok = gest_users_update (store, row->uuid, row->name, row->email, role, &error);
    }
  else if (g_str_equal (action, "passwd"))
    {
      g_autofree char *password = gest_cli_read_password ("GESTIONA_NEW_PASSWORD", row->login, TRUE, &error);
      const char *old = NULL;
      GestUser *me = gest_store_get_user (store);

      if (password == NULL)
        return gest_cli_fail (error);
      /* Your own password: the one you signed in with proves you know it. */
      if (me != NULL && g_str_equal (me->uuid, row->uuid))
        old = gest_cli_session_get_password ();
      ok = gest_users_set_password (store, row->uuid, old, password, &error);
      memset (password, 0, strlen (password));
    }
  else
    ok = gest_users_set_active (store, row->uuid, g_str_equal (action, "activate"), &error);

  if (!ok)
    return gest_cli_fail (error);
  g_print ("ok\n");
  return GEST_CLI_EXIT_OK;
}

char *
gest_cli_read_password (const char  *env_name,
                        const char  *login,
                        gboolean     confirm,
                        GError     **error)
{
  const char *env = g_getenv (env_name);
  g_autofree char *prompt = NULL;
  g_autofree char *again = NULL;
  char *password;

  if (env != NULL)
    return g_strdup (env);
  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("A password is needed: set $%s, or run the command in a terminal to type it."),
                   env_name);
      return NULL;
    }
  prompt = confirm ? g_strdup_printf (_("New password for %s: "), login)
                   : g_strdup_printf (_("Password for %s: "), login);
  password = prompt_no_echo (prompt);
  if (password == NULL || !confirm)
    {
      if (password == NULL)
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, _("No password was typed."));
      return password;
    }
  again = prompt_no_echo (_("The same password again: "));
  if (again == NULL || !g_str_equal (again, password))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The two passwords are not the same. Nothing was changed."));
      g_free (password);
      return NULL;
    }
  return password;
}

int
gest_cli_user (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *email = NULL;
  g_auto(GStrv) rest = NULL;
  const char *action;
  guint n;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The user’s name, as the activity log shows it"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("The user’s role: general-manager, cs-analyst, finance-manager…"), N_("ROLE") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The user’s email address"), N_("EMAIL") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse (_("[list|first|add|set-role|deactivate|activate|passwd] [LOGIN] [ROLE]"),
                       _("Shows the signed-in user, or lists and changes the dealer’s users. "
                         "New passwords come from $GESTIONA_NEW_PASSWORD, or are asked for."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);

  n = g_strv_length (rest);
  action = n > 0 ? rest[0] : NULL;
  if (action == NULL || g_str_equal (action, "list"))
    {
      if (n > 1 || name != NULL || role != NULL || email != NULL)
        return usage (_(USER_USAGE));
    }
  else if (g_str_equal (action, "first") || g_str_equal (action, "add"))
    {
      if (n != 2 || (action[0] == 'f' && (role != NULL || email != NULL)))
        return usage (_(USER_USAGE));
    }
  else if (g_str_equal (action, "set-role"))
    {
      if (n != 3 || name != NULL || role != NULL || email != NULL)
        return usage (_(USER_USAGE));
    }
  else if (g_str_equal (action, "deactivate") || g_str_equal (action, "activate") ||
           g_str_equal (action, "passwd"))
    {
      if (n != 2 || name != NULL || role != NULL || email != NULL)
        return usage (_(USER_USAGE));
    }
  else
    return usage (_(USER_USAGE));

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  if (action == NULL)
    return show_current (store);
  if (g_str_equal (action, "list"))
    return list_users (store);
  if (g_str_equal (action, "first") || g_str_equal (action, "add"))
    return first_or_add (store, action[0] == 'f', rest[1], name, role, email);
  return change_user (store, action, rest[1], n > 2 ? rest[2] : NULL);
}
