/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"

/* `gestiona-cli settings routing`: the T2 thresholds. Saving goes through
 * gest_store_save_routing_settings(), which checks GEST_PERMISSION_ROUTING_SETTINGS of the
 * --user (issue 12), so the command line obeys the same table as the window. */

int
gest_cli_settings (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *low_text = NULL;
  g_autofree char *installments_text = NULL;
  g_autofree char *low_s = NULL;
  g_auto(GStrv) rest = NULL;
  GestRoutingSettings settings;
  GestMoney low = 0;
  guint64 installments = 0;
  GOptionEntry entries[] = {
    { "low-debt-limit", 0, 0, G_OPTION_ARG_STRING, &low_text, N_("Debts up to this amount go to collections (T2)"), N_("AMOUNT") },
    { "installments", 0, 0, G_OPTION_ARG_STRING, &installments_text, N_("Up to this many installments owed go to collections (T2)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse ("routing",
                       _("Shows the routing thresholds of early payoffs (T2), or changes them. "
                         "Changing them is for the roles the permissions allow."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 1 || !g_str_equal (rest[0], "routing"))
    return gest_cli_usage (_("Usage: settings routing [--low-debt-limit AMOUNT] [--installments N]"));
  if (low_text != NULL && !gest_cli_parse_money ("--low-debt-limit", low_text, &low))
    return GEST_CLI_EXIT_USAGE;
  if (installments_text != NULL &&
      !g_ascii_string_to_unsigned (installments_text, 10, 1, 1000, &installments, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--installments needs a whole number from 1 to 1000, not “%s”."),
                         installments_text);

      return gest_cli_usage (message);
    }

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  gest_store_load_routing_settings (store, &settings);
  if (low_text != NULL || installments_text != NULL)
    {
      if (low_text != NULL)
        settings.low_debt_limit = low;
      if (installments_text != NULL)
        settings.installments_limit = (guint) installments;
      if (!gest_store_save_routing_settings (store, &settings, &error))
        {
          gest_routing_settings_clear (&settings);
          return gest_cli_fail (error);
        }
    }
  low_s = gest_money_format (settings.low_debt_limit);
  g_print ("low-debt-limit\t%s\ninstallments\t%u\n", low_s, settings.installments_limit);
  gest_routing_settings_clear (&settings);
  return GEST_CLI_EXIT_OK;
}
