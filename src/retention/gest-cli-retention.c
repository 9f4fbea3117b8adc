/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-retention"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-retention.h"
#include "gest-cli-session.h"
#include "gest-contact-queue.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-error.h"
#include "gest-service-visit.h"

static int
usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

static gboolean
parse (const char     *syntax,
       const char     *summary,
       GOptionEntry   *entries,
       int             argc,
       char          **argv,
       GStrv          *out_rest,
       GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (syntax);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_strv_builder_add (builder, "gestiona-cli");
  for (int i = 0; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);
  args = g_strv_builder_end (builder);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;
  *out_rest = g_strdupv (args + 1);
  return TRUE;
}

/* 09:00 of @text's day (dd/mm/yyyy) in the dealer's time zone, or now when NULL. */
static gboolean
moment_of_day (const char  *text,
               gint64      *out,
               GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) moment = NULL;
  GDate day;

  if (text == NULL)
    {
      *out = gest_timestamp_now ();
      return TRUE;
    }
  if (!gest_date_parse (text, &day, error))
    return FALSE;
  tz = gest_dealer_timezone ();
  moment = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 9, 0, 0);
  *out = g_date_time_to_unix (moment) * G_USEC_PER_SEC;
  return TRUE;
}

static int
queue_today (int    argc,
             char **argv,
             const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the queue (today when not given)"), N_("DD/MM/YYYY") },
    G_OPTION_ENTRY_NULL
  };
  gint64 now;

  if (!parse ("today", _("The day’s call queue: every reason to call, with the attempt and the time band to call in."),
              entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (rest[0] == NULL || !g_str_equal (rest[0], "today") || rest[1] != NULL)
    return usage (_("Write “queue today” (and --date DD/MM/YYYY for another day)."));
  if (!moment_of_day (date, &now, &error))
    return gest_cli_fail (error);
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  items = gest_contact_queue_today (store, now, NULL, &error);
  if (items == NULL)
    return gest_cli_fail (error);
  day = gest_timestamp_format (now);
  day[10] = '\0';
  g_print (ngettext ("Call queue of %s: %u customer to call.\n",
                     "Call queue of %s: %u customers to call.\n", items->len), day, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      GestContactItem *item = g_ptr_array_index (items, i);

      /* TRANSLATORS: "1. Lapsed maintenance · Juan Pérez · 5512345678 · Ranger 2022 · 1FT… · attempt 1 of 5 · Morning (before 12:00)" */
      g_print (_("%u. %s · %s · %s · %s · attempt %u of %u · %s"), i + 1, item->reason,
               item->customer_name, *item->phone != '\0' ? item->phone : _("no phone"),
               *item->vehicle_text != '\0' ? item->vehicle_text : _("no vehicle"),
               item->attempts + 1, GEST_CONTACT_ATTEMPTS, gest_contact_band_label (item->next_band));
      if (item->n_open_field_actions > 0)
        g_print (ngettext (" · %u open field action", " · %u open field actions", item->n_open_field_actions),
                 item->n_open_field_actions);
      if (*item->detail != '\0')
        g_print (" · %s", item->detail);
      g_print ("\n");
    }
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_queue (const char  *db_path,
                int          argc,
                char       **argv)
{
  if (argc > 0 && g_str_equal (argv[0], "queue"))
    {
      argc--;
      argv++;
    }
  return queue_today (argc, argv, db_path);
}

static int
visit_import (GestStore   *store,
              const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GestVisitImportReport) report = gest_service_visits_import (store, file, NULL, &error);

  if (report == NULL)
    return gest_cli_fail (error);
  g_print (_("%u rows read: %u visits added, %u updated, %u refused.\n"), report->n_rows,
           report->n_added, report->n_updated, report->problems->len);
  for (guint i = 0; i < report->problems->len; i++)
    {
      GestVisitImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_print (_("Line %u: %s\n"), problem->line, problem->message);
    }
  return GEST_CLI_EXIT_OK;
}

static int
visit_add (GestStore  *store,
           int         argc,
           char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vin = NULL;
  g_autofree char *date = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *ro = NULL;
  g_autofree char *opened_iso = NULL;
  g_autofree char *closed_iso = NULL;
  g_autofree char *vehicle_uuid = NULL;
  g_autofree char *uuid = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean open = FALSE;
  int km = 0;
  GestVisitKind kind = GEST_VISIT_MAINTENANCE;
  GOptionEntry entries[] = {
    { "vin", 0, 0, G_OPTION_ARG_STRING, &vin, N_("The vehicle’s VIN"), N_("VIN") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the vehicle came in"), N_("DD/MM/YYYY") },
    { "closed", 0, 0, G_OPTION_ARG_STRING, &closed, N_("The day it left (the same day when not given)"), N_("DD/MM/YYYY") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("The vehicle is in the workshop now"), NULL },
    { "km", 0, 0, G_OPTION_ARG_INT, &km, N_("The mileage"), N_("KM") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("delivery, maintenance, repair, warranty, field-action or other"), N_("KIND") },
    { "ro", 0, 0, G_OPTION_ARG_STRING, &ro, N_("The repair order’s number"), N_("NUMBER") },
    G_OPTION_ENTRY_NULL
  };
  GDate day;

  if (!parse ("add", _("Records a service visit."), entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (vin == NULL || date == NULL)
    return usage (_("Give the vehicle (--vin) and the day it came in (--date DD/MM/YYYY)."));
  if (kind_text != NULL && !gest_visit_kind_from_id (kind_text, &kind))
    return usage (_("The kind is one of delivery, maintenance, repair, warranty, field-action or other."));
  if (km < 0)
    return usage (_("The mileage cannot be negative."));
  if (!gest_date_parse (date, &day, &error))
    return gest_cli_fail (error);
  opened_iso = gest_date_to_iso (&day);
  if (closed != NULL)
    {
      if (!gest_date_parse (closed, &day, &error))
        return gest_cli_fail (error);
      closed_iso = gest_date_to_iso (&day);
    }
  else if (!open)
    closed_iso = g_strdup (opened_iso);
  stmt = gest_store_prepare (store, "SELECT uuid FROM vehicles WHERE vin = upper (?1) AND deleted = 0", &error);
  if (stmt == NULL)
    return gest_cli_fail (error);
  sqlite3_bind_text (stmt, 1, vin, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (&error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("There is no vehicle with VIN “%s”."), vin);
      return gest_cli_fail (error);
    }
  vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (!gest_service_visit_add (store, vehicle_uuid, ro, opened_iso, closed_iso, km, kind, &uuid, &error))
    return gest_cli_fail (error);
  g_print (_("Visit recorded: %s\n"), uuid);
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_visit (const char  *db_path,
                int          argc,
                char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;

  if (argc > 0 && g_str_equal (argv[0], "visit"))
    {
      argc--;
      argv++;
    }
  if (argc == 0 || (!g_str_equal (argv[0], "import") && !g_str_equal (argv[0], "add")))
    {
      g_print ("%s\n  visit import FILE\n  visit add --vin VIN --date DD/MM/YYYY [--closed DD/MM/YYYY | --open]"
               " [--km KM] [--kind KIND] [--ro NUMBER]\n", _("Usage:"));
      return argc > 0 && (g_str_equal (argv[0], "--help") || g_str_equal (argv[0], "help"))
             ? GEST_CLI_EXIT_OK : GEST_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[0], "import") && argc != 2)
    return usage (_("Give the DMS’s file of repair orders: visit import FILE."));
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  if (g_str_equal (argv[0], "import"))
    return visit_import (store, argv[1]);
  return visit_add (store, argc, argv);
}

int
gest_cli_lapsed (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *month = NULL;
  g_autofree char *month_day = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month of the list (this month when not given)"), N_("MM/YYYY") },
    G_OPTION_ENTRY_NULL
  };
  GDate day;

  if (argc > 0 && g_str_equal (argv[0], "lapsed"))
    {
      argc--;
      argv++;
    }
  if (!parse (NULL, _("The month’s lapsed-maintenance list: vehicles without a maintenance visit in six months."),
              entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (rest[0] != NULL)
    return usage (_("Write “lapsed” (and --month MM/YYYY for another month)."));
  if (month != NULL)
    {
      g_autofree char *first = g_strconcat ("01/", month, NULL);

      if (!gest_date_parse (first, &day, NULL))
        return usage (_("Write the month as MM/YYYY, for example 12/2026."));
    }
  else
    gest_date_today (&day);
  month_day = gest_date_to_iso (&day);
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  list = gest_lapsed_maintenance_list (store, month_day, NULL, &error);
  if (list == NULL)
    return gest_cli_fail (error);
  g_print (ngettext ("%u vehicle without maintenance in six months.\n",
                     "%u vehicles without maintenance in six months.\n", list->len), list->len);
  for (guint i = 0; i < list->len; i++)
    {
      GestLapsedVehicle *vehicle = g_ptr_array_index (list, i);
      GDate last;
      g_autofree char *last_text = NULL;

      gest_date_from_iso (vehicle->last_maintenance_on, &last);
      last_text = gest_date_format (&last);
      g_print ("%s · %s · %s · %s", vehicle->vin, vehicle->vehicle_text,
               *vehicle->customer_name != '\0' ? vehicle->customer_name : _("no customer"), last_text);
      if (vehicle->recall_only_contact)
        g_print (" · %s", _("contact data for the recall only"));
      if (vehicle->n_open_field_actions > 0)
        g_print (ngettext (" · %u open field action", " · %u open field actions", vehicle->n_open_field_actions),
                 vehicle->n_open_field_actions);
      g_print ("\n");
    }
  return GEST_CLI_EXIT_OK;
}
