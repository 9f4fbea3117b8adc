/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "agenda-test-util.h"
#include "gest-date.h"
#include "gest-reservation-board-source.h"
#include "gest-test-util.h"

/* S12, S14: today's board: six columns; a confirmed reservation past start + grace is in "No
 * se presentó" without a write; one not yet is "Confirmada"; refused ones are off the board;
 * a confirmed card cannot jump to "Entregada" (said in full). */
static void
test_board_columns (AgendaFixture *f,
                    gconstpointer  data)
{
  g_autofree char *today = NULL;
  g_autoptr(GestSqlBoardSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };
  guint counts[6] = { 0 };
  gint64 now = gest_timestamp_now ();
  g_autofree char *sql = NULL;
  GDate date;

  gest_date_today (&date);
  today = gest_date_to_iso (&date);
  sql = g_strdup_printf (
    "INSERT INTO reservations (uuid, customer_uuid, vehicle_uuid, advisor_uuid, day, starts_min, starts_at, state,"
    " origin, received_at, created_at) VALUES"
    " ('late', 'cust-1', 'veh-1', 'adv-luis', '%s', 0, %" G_GINT64_FORMAT ", 'confirmed', 'phone', 1, 1),"
    " ('soon', 'cust-2', 'veh-2', 'adv-luis', '%s', 1439, %" G_GINT64_FORMAT ", 'confirmed', 'phone', 1, 1),"
    " ('gone', 'cust-2', 'veh-2', 'adv-luis', '%s', 600, %" G_GINT64_FORMAT ", 'refused', 'web', 1, 1),"
    " ('done', 'cust-1', 'veh-1', 'adv-maria', '%s', 60, %" G_GINT64_FORMAT ", 'delivered', 'phone', 1, 1)",
    today, now - (gint64) 31 * 60 * G_USEC_PER_SEC, today, now + (gint64) 3600 * G_USEC_PER_SEC,
    today, now, today, now);

  agenda_exec (f->store, sql);
  source = gest_reservation_board_source_new (f->store, today);
  g_assert_true (gest_sql_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[GEST_RESERVATION_CONFIRMED], ==, 1);
  g_assert_cmpuint (counts[GEST_RESERVATION_NO_SHOW], ==, 1);
  g_assert_cmpuint (counts[GEST_RESERVATION_DELIVERED], ==, 1);
  g_assert_cmpuint (counts[GEST_RESERVATION_TO_CONFIRM] + counts[GEST_RESERVATION_ARRIVED] +
                    counts[GEST_RESERVATION_IN_WORKSHOP], ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM reservations WHERE state = 'no-show'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/agenda/S14/board-derived-no-show", AgendaFixture, NULL, agenda_fixture_setup, test_board_columns,
              agenda_fixture_teardown);
  return g_test_run ();
}
