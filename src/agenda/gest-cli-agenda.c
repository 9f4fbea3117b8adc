/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-agenda.h"
#include "gest-cli-session.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-error.h"
#include "gest-reservation-private.h"

static int
usage (const char *message)
{
  g_printerr ("gestiona-cli: %s\n", message);
  return GEST_CLI_EXIT_USAGE;
}

/* gest_cli_fail(), but a full slot (GEST_ERROR_CONFLICT) is a rule's refusal here (exit 1),
 * not a database failure. */
static int
agenda_fail (const GError *error)
{
  if (g_error_matches (error, GEST_ERROR, GEST_ERROR_CONFLICT))
    {
      g_printerr ("gestiona-cli: %s\n", error->message);
      return GEST_CLI_EXIT_REFUSED;
    }
  return gest_cli_fail (error);
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

/* "dd/mm/yyyy" (or "today") → a new "yyyy-mm-dd". */
static char *
parse_day (const char  *text,
           GError     **error)
{
  GDate date;

  if (text == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Give the day as DD/MM/YYYY."));
      return NULL;
    }
  if (g_str_equal (text, "today"))
    gest_date_today (&date);
  else if (!gest_date_parse (text, &date, error))
    return NULL;
  return gest_date_to_iso (&date);
}

static gboolean
parse_minute (const char  *text,
              int         *out,
              GError     **error)
{
  *out = gest_agenda_parse_time (text);
  if (*out >= 0)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Give the time as HH:MM, for example 09:30."));
  return FALSE;
}

/* The uuid of the user @login (an advisor), or a copy of @login when it is a uuid already. */
static char *
find_user (GestStore   *store,
           const char  *login,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (login == NULL)
    return NULL;
  stmt = gest_store_prepare (store, "SELECT uuid FROM users WHERE (login = ?1 OR uuid = ?1) AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
               _("There is no user “%s”: give an advisor’s login (gestiona-cli user list)."), login);
  return NULL;
}

/* The vehicle by uuid, VIN or plate, and its customer. */
static gboolean
find_vehicle (GestStore   *store,
              const char  *text,
              char       **out_vehicle,
              char       **out_customer,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT uuid, customer_uuid FROM vehicles WHERE (uuid = ?1 OR vin = upper (?1)"
                        " OR upper (plate) = upper (?1)) AND deleted = 0 LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("There is no vehicle “%s”: give its VIN, plate or id."), text);
      return FALSE;
    }
  *out_vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *out_customer = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

static void
print_reservation (const GestReservation *r)
{
  g_autofree char *at = gest_agenda_format_time (r->starts_min);
  const char *state = r->is_no_show ? gest_reservation_state_label (GEST_RESERVATION_NO_SHOW)
                                    : gest_reservation_state_label (r->state);

  /* TRANSLATORS: "09:00 · Luis Hernández Peña · Juan Pérez López · Escape 2019 · ABC-123-D · Maintenance · Waits · Confirmed" */
  g_print ("%s · %s · %s · %s · %s · %s · %s", at,
           r->advisor_name != NULL ? r->advisor_name : _("no advisor yet"), r->customer_name,
           r->vehicle_label, gest_reservation_kind_label (r->service_kind),
           gest_reservation_transport_label (r->transport), state);
  if (r->confirm_late)
    g_print (" · %s", _("late to confirm"));
  if (r->n_open_actions > 0)
    g_print (ngettext (" · %u open field action", " · %u open field actions", r->n_open_actions),
             r->n_open_actions);
  g_print (" · %s\n", r->uuid);
}

/* The day as reception reads it: by time, then by advisor. */
static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  const GestReservation *x = *(GestReservation * const *) a;
  const GestReservation *y = *(GestReservation * const *) b;

  if (x->starts_min != y->starts_min)
    return x->starts_min < y->starts_min ? -1 : 1;
  return g_strcmp0 (x->advisor_name, y->advisor_name);
}

static int
agenda_day (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *advisor = NULL;
  g_autofree char *advisor_uuid = NULL;
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "advisor", 0, 0, G_OPTION_ARG_STRING, &advisor, N_("Only this advisor’s appointments"), N_("LOGIN") },
    G_OPTION_ENTRY_NULL
  };
  guint n = 0;

  if (!parse ("day DATE", _("The day’s service appointments by time and advisor."), entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (rest[0] == NULL || !g_str_equal (rest[0], "day") || rest[1] == NULL || rest[2] != NULL)
    return usage (_("Write “agenda day DD/MM/YYYY” (and --advisor LOGIN for one advisor)."));
  day = parse_day (rest[1], &error);
  if (day == NULL)
    return usage (error->message);
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  if (advisor != NULL && (advisor_uuid = find_user (store, advisor, &error)) == NULL)
    return gest_cli_fail (error);
  list = gest_reservations_list_range (store, day, day, gest_timestamp_now (), &error);
  if (list == NULL)
    return gest_cli_fail (error);
  g_ptr_array_sort (list, compare_by_time);
  for (guint i = 0; i < list->len; i++)
    {
      GestReservation *r = g_ptr_array_index (list, i);

      if (r->state < GEST_RESERVATION_REFUSED &&
          (advisor_uuid == NULL || g_strcmp0 (r->advisor_uuid, advisor_uuid) == 0))
        n++;
    }
  shown = gest_agenda_format_day (day);
  g_print (ngettext ("Agenda of %s: %u appointment.\n", "Agenda of %s: %u appointments.\n", n), shown, n);
  for (guint i = 0; i < list->len; i++)
    {
      GestReservation *r = g_ptr_array_index (list, i);

      if (r->state < GEST_RESERVATION_REFUSED &&
          (advisor_uuid == NULL || g_strcmp0 (r->advisor_uuid, advisor_uuid) == 0))
        print_reservation (r);
    }
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_agenda (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  if (argc > 0 && g_str_equal (argv[0], "agenda"))
    {
      argc--;
      argv++;
    }
  return agenda_day (db_path, argc, argv);
}

static int
reservation_new (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *vehicle = NULL, *advisor = NULL, *date = NULL, *time = NULL, *kind = NULL;
  g_autofree char *transport = NULL, *notes = NULL, *origin = NULL;
  g_autofree char *vehicle_uuid = NULL, *customer_uuid = NULL, *advisor_uuid = NULL, *day = NULL;
  g_autofree char *uuid = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean invoice = FALSE;
  int mileage = 0, minute;
  GOptionEntry entries[] = {
    { "vehicle", 0, 0, G_OPTION_ARG_STRING, &vehicle, N_("The vehicle (VIN, plate or id): its owner is the customer"), N_("VEHICLE") },
    { "advisor", 0, 0, G_OPTION_ARG_STRING, &advisor, N_("The advisor who receives it"), N_("LOGIN") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day"), N_("DD/MM/YYYY") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, N_("The time"), N_("HH:MM") },
    { "mileage", 0, 0, G_OPTION_ARG_INT, &mileage, N_("The mileage the customer reports"), N_("KM") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("maintenance, repair, field-action, diagnosis, warranty or other"), N_("KIND") },
    { "transport", 0, 0, G_OPTION_ARG_STRING, &transport, N_("waits or drops-off"), N_("TRANSPORT") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes for the advisor"), N_("TEXT") },
    { "origin", 0, 0, G_OPTION_ARG_STRING, &origin, N_("desk or phone (phone when not given)"), N_("ORIGIN") },
    { "invoice", 0, 0, G_OPTION_ARG_NONE, &invoice, N_("The customer needs an invoice"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GestReservationValues values = { 0 };

  if (!parse ("new", _("Books a service appointment."), entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (rest[0] == NULL || rest[1] != NULL || vehicle == NULL || advisor == NULL)
    return usage (_("Write “reservation new --vehicle VIN --advisor LOGIN --date DD/MM/YYYY --time HH:MM”."));
  if ((day = parse_day (date, &error)) == NULL || !parse_minute (time, &minute, &error))
    return usage (error->message);
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL || !find_vehicle (store, vehicle, &vehicle_uuid, &customer_uuid, &error) ||
      (advisor_uuid = find_user (store, advisor, &error)) == NULL)
    return agenda_fail (error);
  values.customer_uuid = customer_uuid;
  values.vehicle_uuid = vehicle_uuid;
  values.mileage_km = mileage;
  values.service_kind = kind;
  values.advisor_uuid = advisor_uuid;
  values.day = day;
  values.starts_min = minute;
  values.transport = transport;
  values.notes = notes;
  values.needs_invoice = invoice;
  uuid = gest_reservation_create (store, origin != NULL ? origin : "phone", &values, &error);
  if (uuid == NULL)
    return agenda_fail (error);
  g_print ("%s\n", uuid);
  return GEST_CLI_EXIT_OK;
}

/* `reservation VERB UUID [options]`: the changes of one reservation. */
static int
reservation_change (const char  *db_path,
                    const char  *verb,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *advisor = NULL, *date = NULL, *time = NULL, *reason = NULL;
  g_autofree char *advisor_uuid = NULL, *day = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean email = FALSE, followup = FALSE;
  int mileage = 0, minute = -1;
  GOptionEntry entries[] = {
    { "advisor", 0, 0, G_OPTION_ARG_STRING, &advisor, N_("The advisor (move, confirm)"), N_("LOGIN") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The new day (move)"), N_("DD/MM/YYYY") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, N_("The new time (move)"), N_("HH:MM") },
    { "mileage", 0, 0, G_OPTION_ARG_INT, &mileage, N_("The odometer at arrival (arrive)"), N_("KM") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (refuse, no-show)"), N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_NONE, &email, N_("Send the confirmation email (confirm)"), NULL },
    { "follow-up", 0, 0, G_OPTION_ARG_NONE, &followup, N_("Offer a follow-up call (refuse)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gboolean ok;

  if (!parse ("VERB UUID", _("Changes one service appointment."), entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return usage (_("Write “reservation VERB UUID”, with the appointment’s id (gestiona-cli agenda day DD/MM/YYYY)."));
  if (g_str_equal (verb, "move") &&
      ((day = parse_day (date, &error)) == NULL || !parse_minute (time, &minute, &error)))
    return usage (error->message);
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL || (advisor != NULL && (advisor_uuid = find_user (store, advisor, &error)) == NULL))
    return agenda_fail (error);
  if (g_str_equal (verb, "move"))
    ok = gest_reservation_move (store, rest[1], advisor_uuid, day, minute, &error);
  else if (g_str_equal (verb, "arrive"))
    ok = gest_reservation_arrive (store, rest[1], gest_timestamp_now (), mileage, &error);
  else if (g_str_equal (verb, "no-show"))
    ok = gest_reservation_no_show (store, rest[1], reason, gest_timestamp_now (), &error);
  else if (g_str_equal (verb, "confirm"))
    ok = gest_reservation_confirm (store, rest[1], advisor_uuid, email, &error);
  else
    ok = gest_reservation_refuse (store, rest[1], reason, followup, &error);
  if (!ok)
    return agenda_fail (error);
  return GEST_CLI_EXIT_OK;
}

static int
reservation_list (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *from = NULL, *to = NULL, *state = NULL, *from_day = NULL, *to_day = NULL;
  g_auto(GStrv) rest = NULL;
  GestReservationState wanted = GEST_N_RESERVATION_STATES;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (today when not given)"), N_("DD/MM/YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (the first when not given)"), N_("DD/MM/YYYY") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only this state (to-confirm, confirmed, arrived, in-workshop, delivered, no-show, refused, cancelled)"), N_("STATE") },
    G_OPTION_ENTRY_NULL
  };
  guint n = 0;

  if (!parse ("list", _("The service appointments of some days."), entries, argc, argv, &rest, &error))
    return usage (error->message);
  if (rest[0] == NULL || rest[1] != NULL)
    return usage (_("Write “reservation list [--from DD/MM/YYYY] [--to DD/MM/YYYY] [--state STATE]”."));
  if ((from_day = parse_day (from != NULL ? from : "today", &error)) == NULL ||
      (to_day = parse_day (to != NULL ? to : (from != NULL ? from : "today"), &error)) == NULL)
    return usage (error->message);
  if (state != NULL && !gest_reservation_state_from_id (state, &wanted))
    return usage (_("The state is one of to-confirm, confirmed, arrived, in-workshop, delivered, no-show, refused, cancelled."));
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return agenda_fail (error);
  list = gest_reservations_list_range (store, from_day, to_day, gest_timestamp_now (), &error);
  if (list == NULL)
    return agenda_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      GestReservation *r = g_ptr_array_index (list, i);
      GestReservationState shown = r->is_no_show ? GEST_RESERVATION_NO_SHOW : r->state;

      if (wanted != GEST_N_RESERVATION_STATES && shown != wanted)
        continue;
      g_print ("%s ", r->day);
      print_reservation (r);
      n++;
    }
  g_print (ngettext ("%u appointment.\n", "%u appointments.\n", n), n);
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_reservation (const char  *db_path,
                      int          argc,
                      char       **argv)
{
  static const char * const verbs[] = { "move", "arrive", "no-show", "confirm", "refuse", NULL };

  if (argc > 0 && g_str_equal (argv[0], "reservation"))
    {
      argc--;
      argv++;
    }
  if (argc > 0 && g_str_equal (argv[0], "new"))
    return reservation_new (db_path, argc, argv);
  if (argc > 0 && g_str_equal (argv[0], "list"))
    return reservation_list (db_path, argc, argv);
  if (argc > 0 && g_strv_contains (verbs, argv[0]))
    return reservation_change (db_path, argv[0], argc, argv);
  return usage (_("Write “reservation new|move|arrive|no-show|confirm|refuse|list …” (gestiona-cli reservation VERB --help)."));
}
