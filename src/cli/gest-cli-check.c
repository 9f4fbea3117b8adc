/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-rfc.h"
#include "gest-routing.h"
#include "gest-vin.h"

/* `check rfc VALUE`, `check vin VALUE`. The first line is a fixed word for scripts (valid,
 * warning, invalid), followed by the translated explanation. */
int
gest_cli_check (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) rest = NULL;
  const char *usage = _("Usage: gestiona-cli check rfc|vin VALUE");
  GestCheck result;

  if (!gest_cli_parse (_("rfc|vin VALUE"),
                       _("Validates an RFC or a VIN. Exit status 0 when valid or only the check digit is wrong, 1 when invalid."),
                       NULL, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 2)
    return gest_cli_usage (usage);

  if (g_str_equal (rest[0], "rfc"))
    result = gest_rfc_check (rest[1], &message);
  else if (g_str_equal (rest[0], "vin"))
    result = gest_vin_check (rest[1], &message);
  else
    return gest_cli_usage (usage);

  switch (result)
    {
    case GEST_CHECK_VALID:
      g_print ("valid\n");
      return GEST_CLI_EXIT_OK;
    case GEST_CHECK_WARNING:
      g_print ("warning: %s\n", message);
      return GEST_CLI_EXIT_OK;
    case GEST_CHECK_INVALID:
    default:
      g_print ("invalid: %s\n", message);
      return GEST_CLI_EXIT_REFUSED;
    }
}

/* `route --debt AMOUNT --installment AMOUNT` (T2): the area id, the reason, whom to call. */
int
gest_cli_route (const char  *db_path,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *debt_text = NULL;
  g_autofree char *installment_text = NULL;
  g_auto(GStrv) rest = NULL;
  g_auto(GestRoutingSettings) settings = { 0 };
  g_auto(GestRoutingDecision) decision = { 0 };
  const GestAreaContact *area;
  GestMoney debt;
  GestMoney installment;
  GOptionEntry entries[] = {
    { "debt", 0, 0, G_OPTION_ARG_STRING, &debt_text, N_("What the customer owes as of the consult date"), N_("AMOUNT") },
    { "installment", 0, 0, G_OPTION_ARG_STRING, &installment_text, N_("The plan’s monthly installment"), N_("AMOUNT") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse (NULL,
                       _("Says which area to call about an early payoff, and why (T2). Uses the thresholds of the database given with --db, else the defaults."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest[0] != NULL)
    return gest_cli_usage (_("route takes no positional arguments. Usage: gestiona-cli route --debt AMOUNT --installment AMOUNT"));
  if (debt_text == NULL || installment_text == NULL)
    return gest_cli_usage (_("route needs --debt AMOUNT and --installment AMOUNT."));

  if (!gest_cli_parse_money ("--debt", debt_text, &debt) ||
      !gest_cli_parse_money ("--installment", installment_text, &installment))
    return GEST_CLI_EXIT_USAGE;

  if (db_path != NULL)
    {
      g_autoptr(GestStore) store = gest_cli_open_store (db_path, &error);

      if (store == NULL)
        return gest_cli_fail (error);
      gest_store_load_routing_settings (store, &settings);
    }
  else
    {
      gest_routing_settings_init_defaults (&settings);
    }

  if (!gest_routing_decide (debt, installment, &settings, &decision, &error))
    return gest_cli_fail (error);

  area = &settings.areas[decision.area];
  g_print ("%s\n", gest_area_id (decision.area));
  g_print ("%s\n", decision.reason);
  g_print (_("Call: %s (%s)\n"), area->name, area->phones);
  return GEST_CLI_EXIT_OK;
}
