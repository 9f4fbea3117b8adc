/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-roles.h"

/* `gestiona-cli user`: the current user of a database belongs to no module. */

static int
usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

/* A name as the timeline shows it: valid UTF-8, 1 to 100 characters, no control characters
 * nor the ones that reorder text (U+202E). */
static gboolean
user_name_is_valid (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  guint chars = 0;

  if (!g_utf8_validate (name, -1, NULL) || stripped[0] == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++chars > 100 || g_unichar_iscntrl (c) || c == 0x061c || c == 0x200e || c == 0x200f ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return FALSE;
    }
  return TRUE;
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
  g_autofree char *current = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The user’s name, as the timeline shows it"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("The user’s role: general-manager, finance-manager, conauto-liaison…"), N_("ROLE") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse (NULL, _("Shows or sets the current user of the database."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return usage (_("Usage: user [--name NAME] [--role ROLE]"));
  if (name != NULL && !user_name_is_valid (name))
    return usage (_("--name needs a name of 1 to 100 characters of text, without "
                    "control characters."));
  if (role != NULL && !gest_role_from_id (role, NULL))
    {
      g_autoptr(GString) roles = g_string_new (NULL);

      for (int i = 0; i < GEST_N_ROLES; i++)
        g_string_append_printf (roles, "%s%s", i > 0 ? ", " : "", gest_role_id ((GestRole) i));
      g_printerr (_("gestiona-cli: “%s” is not a role. Roles: %s.\n"), role, roles->str);
      return GEST_CLI_EXIT_USAGE;
    }

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  if ((name != NULL && !gest_store_set_setting (store, "user.name", name, &error)) ||
      (role != NULL && !gest_store_set_setting (store, "user.role", role, &error)))
    return gest_cli_fail (error);

  current = gest_store_get_user_name (store);
  g_print ("%s\t%s\n", current, gest_role_id (gest_store_get_user_role (store)));
  return GEST_CLI_EXIT_OK;
}

