/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dealer's business calendar (issue 13, SLA clocks): Mexico's legal holidays by year,
 * working hours, business time across holidays and weekends, in Mexico City's time zone. */
#include "config.h"

#include <locale.h>

#include "gest-business-calendar.h"
#include "gest-error.h"

/* A wall-clock moment in Mexico City, whatever the process's TZ. */
static gint64
mx (int y,
    int m,
    int d,
    int h,
    int min)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (tz);
  dt = g_date_time_new (tz, y, m, d, h, min, 0);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static GestBusinessCalendar *
mx_calendar (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Mexico_City");

  return gest_business_calendar_new (tz);
}

static char *
holidays_text (GArray *holidays)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < holidays->len; i++)
    {
      GestHoliday *h = &g_array_index (holidays, GestHoliday, i);

      g_string_append_printf (s, "%s%04u-%02u-%02u %s", i > 0 ? "; " : "",
                              g_date_get_year (&h->day), g_date_get_month (&h->day),
                              g_date_get_day (&h->day), h->name);
    }
  return g_string_free (s, FALSE);
}

static void
test_legal_holidays_by_year (void)
{
  struct { int year; const char *expected; } cases[] = {
    { 2026, "2026-01-01 New Year’s Day; 2026-02-02 Constitution Day; "
            "2026-03-16 Benito Juárez’s birthday; 2026-05-01 Labour Day; "
            "2026-09-16 Independence Day; 2026-11-16 Revolution Day; 2026-12-25 Christmas Day" },
    /* 1 October only when the federal executive changes hands: 2024, 2030... */
    { 2024, "2024-01-01 New Year’s Day; 2024-02-05 Constitution Day; "
            "2024-03-18 Benito Juárez’s birthday; 2024-05-01 Labour Day; "
            "2024-09-16 Independence Day; 2024-10-01 Transfer of the federal executive power; "
            "2024-11-18 Revolution Day; 2024-12-25 Christmas Day" },
    { 2030, "2030-01-01 New Year’s Day; 2030-02-04 Constitution Day; "
            "2030-03-18 Benito Juárez’s birthday; 2030-05-01 Labour Day; "
            "2030-09-16 Independence Day; 2030-10-01 Transfer of the federal executive power; "
            "2030-11-18 Revolution Day; 2030-12-25 Christmas Day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) legal = gest_business_calendar_legal_holidays (cases[i].year);
      g_autofree char *text = holidays_text (legal);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autoptr(GArray) legal = gest_business_calendar_legal_holidays (2027);
    GDate oct1;

    g_assert_cmpuint (legal->len, ==, 7);
    g_date_clear (&oct1, 1);
    g_date_set_dmy (&oct1, 1, G_DATE_OCTOBER, 2027);
    g_assert_false (gest_business_calendar_is_legal_holiday (&oct1, NULL));
  }
}

static void
test_dealer_holidays (void)
{
  g_autoptr(GestBusinessCalendar) cal = mx_calendar ();
  g_autoptr(GArray) list = NULL;
  g_autofree char *text = NULL;
  const char *name = NULL;
  GDate day;

  /* The dealer's own day off counts beside the law's. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 11, G_DATE_DECEMBER, 2026);   /* Friday */
  g_assert_true (gest_business_calendar_is_working_day (cal, &day));
  gest_business_calendar_add_holiday (cal, &day, "Aniversario de la agencia");
  g_assert_false (gest_business_calendar_is_working_day (cal, &day));
  g_assert_true (gest_business_calendar_is_holiday (cal, &day, &name));
  g_assert_cmpstr (name, ==, "Aniversario de la agencia");

  /* An explicit year is the dealer's edited list: a legal day removed from it is worked. */
  g_date_set_dmy (&day, 16, G_DATE_NOVEMBER, 2026);
  g_assert_false (gest_business_calendar_is_working_day (cal, &day));
  gest_business_calendar_set_year_explicit (cal, 2026);
  g_assert_true (gest_business_calendar_is_working_day (cal, &day));
  list = gest_business_calendar_list_holidays (cal, 2026);
  text = holidays_text (list);
  g_assert_cmpstr (text, ==, "2026-12-11 Aniversario de la agencia");
}

static void
test_span_across_holiday_and_weekend (void)
{
  g_autoptr(GestBusinessCalendar) cal = mx_calendar ();
  gint64 friday = mx (2026, 3, 13, 17, 0);     /* Friday 13 March, an hour before closing */
  gint64 tuesday = mx (2026, 3, 17, 10, 0);    /* Monday 16 is Benito Juárez's birthday */

  g_assert_cmpint (gest_business_calendar_minutes_between (cal, friday, tuesday), ==, 120);
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, friday, 120), ==, tuesday);
  /* Without the holiday, Monday counts its nine hours. */
  gest_business_calendar_set_year_explicit (cal, 2026);
  g_assert_cmpint (gest_business_calendar_minutes_between (cal, friday, tuesday), ==, 120 + 9 * 60);
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, friday, 120), ==, mx (2026, 3, 16, 10, 0));
}

static void
test_boundaries (void)
{
  g_autoptr(GestBusinessCalendar) cal = mx_calendar ();
  gint64 open = mx (2026, 12, 7, 9, 0);       /* Monday */
  gint64 close = mx (2026, 12, 7, 18, 0);

  g_assert_cmpint (gest_business_calendar_minutes_between (cal, open, close), ==, 540);
  g_assert_cmpint (gest_business_calendar_minutes_between (cal, mx (2026, 12, 7, 8, 0),
                                                           mx (2026, 12, 7, 9, 0)), ==, 0);
  g_assert_cmpint (gest_business_calendar_minutes_between (cal, close, mx (2026, 12, 8, 9, 0)), ==, 0);
  g_assert_cmpint (gest_business_calendar_minutes_between (cal, close, open), ==, 0);
  /* A clock that ends exactly at closing time ends then, not at the next opening. */
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, open, 540), ==, close);
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, open, 541), ==, mx (2026, 12, 8, 9, 1));
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, close, 0), ==, close);
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, close, 1), ==, mx (2026, 12, 8, 9, 1));
  /* Before opening, the clock starts at opening time. */
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, mx (2026, 12, 7, 6, 30), 60), ==,
                   mx (2026, 12, 7, 10, 0));
  /* Saturday hours when the dealer opens then. */
  gest_business_calendar_set_hours (cal, 6, 9 * 60, 14 * 60);
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, mx (2026, 12, 11, 17, 0), 120), ==,
                   mx (2026, 12, 12, 10, 0));
  /* No working hours at all: never. */
  for (guint d = 0; d < GEST_BUSINESS_N_WEEKDAYS; d++)
    gest_business_calendar_set_hours (cal, d, 0, 0);
  g_assert_cmpint (gest_business_calendar_add_minutes (cal, open, 1), ==, G_MAXINT64);
}

static void
test_dst_free_mexico_city (void)
{
  /* The dealer's zone comes from $GESTIONA_TZ (America/Mexico_City by default), not the
   * process's TZ; Mexico City has had no daylight saving time since October 2022. */
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) opening = NULL;
  GDate day;

  g_setenv ("TZ", "UTC", TRUE);
  g_unsetenv ("GESTIONA_TZ");
  cal = gest_business_calendar_new (NULL);

  /* The first Sunday of April 2023 would have moved the clocks: nothing changes. */
  g_assert_cmpint (gest_business_calendar_minutes_between (cal, mx (2023, 3, 31, 9, 0),
                                                           mx (2023, 4, 3, 18, 0)), ==, 2 * 540);
  opening = g_date_time_new_from_unix_utc (gest_business_calendar_add_minutes (cal, mx (2023, 4, 1, 12, 0), 1) / G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_get_hour (opening), ==, 15);   /* 09:01 at UTC-6 */
  g_assert_cmpint (g_date_time_get_minute (opening), ==, 1);

  /* 23:30 on 6 December in Mexico City is already the 7th in UTC. */
  gest_business_calendar_day_of (cal, mx (2026, 12, 6, 23, 30), &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 6);
  gest_business_calendar_previous_working_day (cal, &day, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 4);           /* Friday */
}

static void
test_hours_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int open, close;

  g_assert_true (gest_business_hours_parse ("09:00-18:00", &open, &close, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open, ==, 540);
  g_assert_cmpint (close, ==, 1080);
  g_assert_true (gest_business_hours_parse ("", &open, &close, &error));
  g_assert_cmpint (close, ==, 0);
  text = gest_business_hours_format (8 * 60 + 30, 14 * 60);
  g_assert_cmpstr (text, ==, "08:30-14:00");

  g_assert_false (gest_business_hours_parse ("18:00-09:00", &open, &close, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "In “18:00-09:00” the closing time is not after the opening "
                   "time. Write the opening time first, as 09:00-18:00.");
  g_clear_error (&error);
  g_assert_false (gest_business_hours_parse ("9 a 6", &open, &close, &error));
  g_assert_cmpstr (error->message, ==, "“9 a 6” is not a working-hours range. Write the opening "
                   "and closing times as 09:00-18:00, or leave it empty for a day off.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/business-calendar/legal-holidays-by-year", test_legal_holidays_by_year);
  g_test_add_func ("/business-calendar/dealer-holidays", test_dealer_holidays);
  g_test_add_func ("/business-calendar/span-across-holiday-and-weekend", test_span_across_holiday_and_weekend);
  g_test_add_func ("/business-calendar/boundaries-at-opening-and-closing", test_boundaries);
  g_test_add_func ("/business-calendar/dst-free-mexico-city", test_dst_free_mexico_city);
  g_test_add_func ("/business-calendar/hours-parse", test_hours_parse);

  return g_test_run ();
}
