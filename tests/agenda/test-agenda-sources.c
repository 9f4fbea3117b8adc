/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

/* The rows a contact source gives on @today at @now: "record|due_on|detail" lines. */
static char *
source_rows (GestStore  *store,
             const char *source_id,
             const char *today,
             gint64      now)
{
  const GestContactSource *source = NULL;
  g_autoptr(GString) rows = g_string_new ("");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gest_domain_modules_find_contact_source (source_id, &source));
  stmt = gest_store_prepare (store, source->sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), today, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_index (stmt, ":now") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rows, "%s|%s|%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 3),
                            sqlite3_column_text (stmt, 4));
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static gboolean
outcome (GestStore          *store,
         const char         *source_id,
         const char         *uuid,
         GestContactOutcome  what,
         GError            **error)
{
  GestDomainModule *module = gest_domain_modules_find_contact_source (source_id, NULL);

  g_assert_nonnull (module);
  return gest_domain_module_contact_outcome (module, store, source_id, uuid, what, error);
}

/* S7: web bookings to confirm are in the queue on their confirm_by day (first: priority 40),
 * "Atrasada" once that day has passed; "booked" confirms with the advisor with fewest
 * reservations whose slot has room; "refused" refuses with the call's reason. */
static void
test_to_confirm (AgendaFixture *f,
                 gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *friday = agenda_add_days (monday, -3);
  g_autofree char *a = agenda_web_booking (f->store, NULL, monday, 10 * 60, friday);
  g_autofree char *b = agenda_web_booking (f->store, NULL, monday, 11 * 60, monday);
  g_autofree char *busy = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GestReservation) r = NULL;
  g_autoptr(GError) error = NULL;
  const GestContactSource *source = NULL;
  GDate date;
  g_autofree char *shown = NULL;

  gest_domain_modules_find_contact_source ("agenda.to-confirm", &source);
  g_assert_cmpint (source->priority, ==, 40);
  g_assert_true (gest_date_from_iso (monday, &date));
  shown = gest_date_format (&date);
  rows = source_rows (f->store, "agenda.to-confirm", friday, agenda_at (friday, 9 * 60));
  expected = g_strdup_printf ("%s|%s|Confirmar hoy · Reserva web para el %s a las 10:00\n", a, friday, shown);
  g_assert_cmpstr (rows, ==, expected);
  g_free (rows);
  g_free (expected);
  rows = source_rows (f->store, "agenda.to-confirm", monday, agenda_at (monday, 9 * 60));
  expected = g_strdup_printf ("%s|%s|Atrasada · Reserva web para el %s a las 10:00\n"
                              "%s|%s|Confirmar hoy · Reserva web para el %s a las 11:00\n",
                              a, friday, shown, b, monday, shown);
  g_assert_cmpstr (rows, ==, expected);

  g_assert_true (outcome (f->store, "agenda.to-confirm", a, GEST_CONTACT_OUTCOME_BOOKED, &error));
  g_assert_no_error (error);
  r = gest_reservation_load (f->store, a, &error);
  g_assert_cmpint (r->state, ==, GEST_RESERVATION_CONFIRMED);
  g_assert_cmpstr (r->advisor_uuid, ==, "adv-maria");   /* Luis has one that day already */

  g_assert_true (outcome (f->store, "agenda.to-confirm", b, GEST_CONTACT_OUTCOME_REFUSED, &error));
  g_assert_no_error (error);
  state = agenda_state_of (f->store, b);
  g_assert_cmpstr (state, ==, "refused");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM reservations WHERE refusal_reason ="
                                                  " 'Rechazada por el cliente al llamar'"), ==, 1);
}

/* S7: "booked" on a booking whose slot is full with every advisor is refused: move it first. */
static void
test_to_confirm_no_room (AgendaFixture *f,
                         gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *web = agenda_web_booking (f->store, NULL, monday, 10 * 60, NULL);
  g_autoptr(GError) error = NULL;
  const char *advisors[] = { "adv-luis", "adv-luis", "adv-maria", "adv-maria" };

  for (guint i = 0; i < G_N_ELEMENTS (advisors); i++)
    g_free (agenda_book (f->store, advisors[i], monday, 10 * 60));
  g_assert_false (outcome (f->store, "agenda.to-confirm", web, GEST_CONTACT_OUTCOME_BOOKED, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "No advisor has room at 10:00: move the booking to another time on the agenda first, then confirm it.");
}

/* S14: the no-shows to call (derived once past the grace period, by starts_at), their outcome
 * the recovery; refused bookings with a follow-up call the same way. */
static void
test_no_shows (AgendaFixture *f,
               gconstpointer  data)
{
  g_autofree char *monday = agenda_monday (f->store, 1);
  g_autofree char *uuid = agenda_book (f->store, "adv-luis", monday, 9 * 60);
  g_autofree char *web = agenda_web_booking (f->store, NULL, monday, 12 * 60, NULL);
  g_autofree char *rows = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GestReservation) r = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (gest_date_from_iso (monday, &date));
  shown = gest_date_format (&date);
  rows = source_rows (f->store, "agenda.no-shows", monday, agenda_at (monday, 9 * 60 + 29));
  g_assert_cmpstr (rows, ==, "");
  g_free (rows);
  rows = source_rows (f->store, "agenda.no-shows", monday, agenda_at (monday, 9 * 60 + 30));
  expected = g_strdup_printf ("%s|%s|No se presentó el %s a las 09:00\n", uuid, monday, shown);
  g_assert_cmpstr (rows, ==, expected);

  g_assert_true (outcome (f->store, "agenda.no-shows", uuid, GEST_CONTACT_OUTCOME_BOOKED, &error));
  g_assert_no_error (error);
  r = gest_reservation_load (f->store, uuid, &error);
  g_assert_cmpstr (r->recovery, ==, "accepted");
  g_assert_cmpint (r->state, ==, GEST_RESERVATION_NO_SHOW);
  g_free (rows);
  rows = source_rows (f->store, "agenda.no-shows", monday, agenda_at (monday, 10 * 60));
  g_assert_cmpstr (rows, ==, "");

  g_assert_true (gest_reservation_refuse (f->store, web, "No hay lugar", TRUE, &error));
  g_free (rows);
  rows = source_rows (f->store, "agenda.refused", monday, agenda_at (monday, 10 * 60));
  g_assert_true (g_str_has_prefix (rows, web));
  g_assert_true (g_str_has_suffix (rows, "|Reserva rechazada: No hay lugar\n"));
  g_assert_true (outcome (f->store, "agenda.refused", web, GEST_CONTACT_OUTCOME_GAVE_UP, &error));
  g_free (rows);
  rows = source_rows (f->store, "agenda.refused", monday, agenda_at (monday, 10 * 60));
  g_assert_cmpstr (rows, ==, "");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM reservations WHERE recovery = 'gave-up'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, AgendaFixture, NULL, agenda_fixture_setup, fn, agenda_fixture_teardown)
  ADD ("/agenda/S7/queue-to-confirm", test_to_confirm);
  ADD ("/agenda/S7/queue-to-confirm-no-room", test_to_confirm_no_room);
  ADD ("/agenda/S14/queue-no-shows", test_no_shows);
#undef ADD

  return g_test_run ();
}
