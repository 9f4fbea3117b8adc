/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S6, S15 (#14): the call cadence. Three time bands in the dealer's time; a failed attempt counts
 * only in another band than the last counted one; the next attempt is offered on the next
 * working day (weekends and holidays skipped) in the next band; a call back is offered at its
 * time and does not count; the fifth counted failure, and never an earlier one, ends the calls
 * and makes the letter in the same transaction. No display. */
#include "config.h"

#include <locale.h>

#include "gest-business-calendar.h"
#include "gest-contact-cadence.h"
#include "gest-contact-queue.h"
#include "gest-service-visit.h"
#include "gest-test-util.h"
#include "retention-test-util.h"

#define SOURCE GEST_RETENTION_SOURCE_FOLLOWUP
#define RECORD "fup-1"

static void
add_quote (GestStore *store)
{
  retention_exec (store,
                  "INSERT INTO service_followups (uuid, customer_uuid, vehicle_uuid, kind, detail, call_on,"
                  " created_at) VALUES ('fup-1', 'cust-1', 'veh-1', 'quote', 'Cambio de llantas', '2026-12-01', 0)");
}

static void
call (GestStore       *store,
      gint64           at,
      GestCallOutcome  outcome,
      gint64           call_back_at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_contact_call_record (store, SOURCE, RECORD, at, "5512345678", outcome,
                                           call_back_at, "", "", NULL, &error));
  g_assert_no_error (error);
}

static gint64
target_int (GestStore  *store,
            const char *column)
{
  g_autofree char *target = gest_contact_target_uuid (SOURCE, RECORD);
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (%s, 0) FROM contact_targets WHERE uuid = '%s'",
                                          column, target);

  return gest_test_query_int (store, sql);
}

static gint64
n_letters (GestStore *store)
{
  return gest_test_query_int (store, "SELECT count (*) FROM contact_letters WHERE deleted = 0");
}

static char *
target_state (GestStore *store)
{
  g_autofree char *target = gest_contact_target_uuid (SOURCE, RECORD);
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT state FROM contact_targets WHERE uuid = ?1", NULL);

  sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_bands (void)
{
  g_assert_cmpint (gest_contact_band_of (retention_at (2026, 12, 7, 0, 0)), ==, GEST_CONTACT_BAND_MORNING);
  g_assert_cmpint (gest_contact_band_of (retention_at (2026, 12, 7, 11, 59)), ==, GEST_CONTACT_BAND_MORNING);
  g_assert_cmpint (gest_contact_band_of (retention_at (2026, 12, 7, 12, 0)), ==, GEST_CONTACT_BAND_MIDDAY);
  g_assert_cmpint (gest_contact_band_of (retention_at (2026, 12, 7, 14, 59)), ==, GEST_CONTACT_BAND_MIDDAY);
  g_assert_cmpint (gest_contact_band_of (retention_at (2026, 12, 7, 15, 0)), ==, GEST_CONTACT_BAND_AFTERNOON);
  g_assert_cmpint (gest_contact_band_of (retention_at (2026, 12, 7, 23, 59)), ==, GEST_CONTACT_BAND_AFTERNOON);
  g_assert_cmpstr (gest_contact_band_label (GEST_CONTACT_BAND_MIDDAY), ==, "Midday (12:00 to 15:00)");
  g_assert_true (gest_call_outcome_failed (GEST_CALL_NO_ANSWER));
  g_assert_true (gest_call_outcome_failed (GEST_CALL_WRONG_NUMBER));
  g_assert_false (gest_call_outcome_failed (GEST_CALL_CALL_BACK));
  g_assert_false (gest_call_outcome_failed (GEST_CALL_REFUSED));
}

/* Five failed attempts over a working week, a band further each day: the queue offers each on
 * its day; the letter comes with the fifth, not with the fourth. */
static void
test_five_attempts (RetentionFixture *f,
                    gconstpointer     data)
{
  /* Monday 7 December 2026 to Friday 11 December. */
  static const struct
  {
    int             day, hour, minute;
    GestContactBand band;
  } attempts[] = {
    { 7, 9, 30, GEST_CONTACT_BAND_MORNING },
    { 8, 12, 30, GEST_CONTACT_BAND_MIDDAY },
    { 9, 16, 0, GEST_CONTACT_BAND_AFTERNOON },
    { 10, 10, 0, GEST_CONTACT_BAND_MORNING },
    { 11, 13, 0, GEST_CONTACT_BAND_MIDDAY },
  };
  g_autofree char *state = NULL;
  guint n = 0;

  add_quote (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      gint64 at = retention_at (2026, 12, attempts[i].day, attempts[i].hour, attempts[i].minute);

      g_assert_true (retention_queue_has (f->store, at, SOURCE, RECORD, &n));
      g_assert_cmpuint (n, ==, i);
      g_assert_cmpint (n_letters (f->store), ==, 0);
      call (f->store, at, i % 2 ? GEST_CALL_WRONG_NUMBER : GEST_CALL_NO_ANSWER, 0);
      g_assert_cmpint (target_int (f->store, "attempts"), ==, i + 1);
      if (i + 1 < G_N_ELEMENTS (attempts))
        {
          /* Offered again the next working day in the next band, not the same day. */
          gint64 next = retention_at (2026, 12, attempts[i + 1].day,
                                      attempts[i + 1].band == GEST_CONTACT_BAND_MORNING ? 9
                                      : attempts[i + 1].band == GEST_CONTACT_BAND_MIDDAY ? 12 : 15, 0);

          g_assert_cmpint (target_int (f->store, "next_attempt_at"), ==, next);
          g_assert_false (retention_queue_has (f->store, at + 60 * G_USEC_PER_SEC, SOURCE, RECORD, NULL));
          g_assert_cmpint (n_letters (f->store), ==, 0);
          g_free (state);
          state = target_state (f->store);
          g_assert_cmpstr (state, ==, "open");
        }
    }
  g_free (state);
  state = target_state (f->store);
  g_assert_cmpstr (state, ==, "letter");
  g_assert_cmpint (n_letters (f->store), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_calls WHERE counted = 1"), ==, 5);
  /* The queue offers it no more, the next week neither. */
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 14, 9, 0), SOURCE, RECORD, NULL));
  /* The follow-up is done: its module was told the cadence ended. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT done_at IS NOT NULL FROM service_followups"), ==, 1);
}

/* Two failures in the same band one after the other count once, on the same day or the next;
 * a fourth counted failure followed by uncounted ones makes no letter. */
static void
test_same_band_counts_once (RetentionFixture *f,
                            gconstpointer     data)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  add_quote (f->store);
  call (f->store, retention_at (2026, 12, 7, 9, 10), GEST_CALL_NO_ANSWER, 0);
  call (f->store, retention_at (2026, 12, 7, 11, 40), GEST_CALL_NO_ANSWER, 0);
  g_assert_cmpint (target_int (f->store, "attempts"), ==, 1);
  call (f->store, retention_at (2026, 12, 8, 10, 0), GEST_CALL_NO_ANSWER, 0);
  g_assert_cmpint (target_int (f->store, "attempts"), ==, 1);
  /* After an uncounted morning call, the next one is still offered at midday. */
  g_assert_cmpint (target_int (f->store, "next_attempt_at"), ==, retention_at (2026, 12, 9, 12, 0));
  call (f->store, retention_at (2026, 12, 9, 12, 5), GEST_CALL_NO_ANSWER, 0);
  call (f->store, retention_at (2026, 12, 9, 15, 5), GEST_CALL_NO_ANSWER, 0);
  call (f->store, retention_at (2026, 12, 10, 9, 5), GEST_CALL_NO_ANSWER, 0);
  g_assert_cmpint (target_int (f->store, "attempts"), ==, 4);
  call (f->store, retention_at (2026, 12, 10, 9, 45), GEST_CALL_NO_ANSWER, 0);
  call (f->store, retention_at (2026, 12, 10, 11, 45), GEST_CALL_WRONG_NUMBER, 0);
  g_assert_cmpint (target_int (f->store, "attempts"), ==, 4);
  g_assert_cmpint (n_letters (f->store), ==, 0);

  calls = gest_contact_calls_list (f->store, SOURCE, RECORD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 8);
  g_assert_true (((GestContactCall *) g_ptr_array_index (calls, 0))->counted);
  g_assert_false (((GestContactCall *) g_ptr_array_index (calls, 1))->counted);
  g_assert_false (((GestContactCall *) g_ptr_array_index (calls, 2))->counted);
  g_assert_cmpint (((GestContactCall *) g_ptr_array_index (calls, 3))->band, ==, GEST_CONTACT_BAND_MIDDAY);
  g_assert_cmpstr (((GestContactCall *) g_ptr_array_index (calls, 0))->user_name, ==, "Test service-coordinator");

  call (f->store, retention_at (2026, 12, 11, 12, 30), GEST_CALL_NO_ANSWER, 0);
  g_assert_cmpint (target_int (f->store, "attempts"), ==, 5);
  g_assert_cmpint (n_letters (f->store), ==, 1);
}

/* A call back is offered at its time, not before, and counts for nothing. */
static void
test_call_back (RetentionFixture *f,
                gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  gint64 back = retention_at (2026, 12, 9, 17, 30);

  add_quote (f->store);
  call (f->store, retention_at (2026, 12, 7, 9, 0), GEST_CALL_NO_ANSWER, 0);
  call (f->store, retention_at (2026, 12, 8, 12, 10), GEST_CALL_CALL_BACK, back);
  g_assert_cmpint (target_int (f->store, "attempts"), ==, 1);
  g_assert_cmpint (target_int (f->store, "next_attempt_at"), ==, back);
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 8, 18, 0), SOURCE, RECORD, NULL));
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 9, 8, 0), SOURCE, RECORD, NULL));
  /* Without its time, a call back is refused. */
  g_assert_false (gest_contact_call_record (f->store, SOURCE, RECORD, retention_at (2026, 12, 9, 17, 35),
                                            "5512345678", GEST_CALL_CALL_BACK, 0, "", "", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose when to call back: a day and time after this call.");
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM contact_calls"), ==, 2);
}

/* After a failure on Thursday 24 December 2026, Friday 25 is Christmas and then a weekend: the
 * next attempt is Monday 28 in the morning. A Friday failure at midday: Monday afternoon. */
static void
test_skips_weekend_and_holiday (RetentionFixture *f,
                                gconstpointer     data)
{
  g_autoptr(GestBusinessCalendar) calendar = gest_business_calendar_new (NULL);

  g_assert_cmpint (gest_contact_cadence_next_attempt (calendar, retention_at (2026, 12, 24, 16, 0),
                                                      GEST_CONTACT_BAND_AFTERNOON),
                   ==, retention_at (2026, 12, 28, 9, 0));
  g_assert_cmpint (gest_contact_cadence_next_attempt (calendar, retention_at (2026, 12, 11, 13, 0),
                                                      GEST_CONTACT_BAND_MIDDAY),
                   ==, retention_at (2026, 12, 14, 15, 0));
  /* The same through a call, with the dealer's stored calendar. */
  add_quote (f->store);
  call (f->store, retention_at (2026, 12, 24, 16, 0), GEST_CALL_NO_ANSWER, 0);
  g_assert_cmpint (target_int (f->store, "next_attempt_at"), ==, retention_at (2026, 12, 28, 9, 0));
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 25, 10, 0), SOURCE, RECORD, NULL));
  g_assert_true (retention_queue_has (f->store, retention_at (2026, 12, 28, 8, 0), SOURCE, RECORD, NULL));
}

/* Reached (contacted, booked, refused) ends the calls; another call is refused. */
static void
test_contacted_finishes (RetentionFixture *f,
                         gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  add_quote (f->store);
  call (f->store, retention_at (2026, 12, 7, 9, 0), GEST_CALL_BOOKED, 0);
  state = target_state (f->store);
  g_assert_cmpstr (state, ==, "booked");
  g_assert_false (retention_queue_has (f->store, retention_at (2026, 12, 7, 10, 0), SOURCE, RECORD, NULL));
  g_assert_false (gest_contact_call_record (f->store, SOURCE, RECORD, retention_at (2026, 12, 8, 9, 0),
                                            "5512345678", GEST_CALL_NO_ANSWER, 0, "", "", NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The calls to this customer for “Pending parts or quote” are over already (booked): "
                   "refresh the queue and call the next one.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, RetentionFixture, NULL, retention_fixture_setup, func, retention_fixture_teardown)
  g_test_add_func ("/retention/S6/three-bands-in-dealer-time", test_bands);
  ADD ("/retention/S6/five-attempts-in-a-week-letter-on-fifth", test_five_attempts);
  ADD ("/retention/S6/same-band-counts-once-no-letter-before-fifth", test_same_band_counts_once);
  ADD ("/retention/S6/call-back-offered-at-its-time-does-not-count", test_call_back);
  ADD ("/retention/S6/next-attempt-skips-weekend-and-holiday", test_skips_weekend_and_holiday);
  ADD ("/retention/S6/reached-ends-the-calls", test_contacted_finishes);
  return g_test_run ();
}
