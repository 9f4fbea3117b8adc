/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates shown dd/mm/yyyy, stored ISO, in the dealer's time zone. */
#include "config.h"

#include <locale.h>

#include "gest-date.h"
#include "gest-error.h"

static void
assert_parses (const char *text,
               guint       day,
               guint       month,
               guint       year)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_test_message ("parsing “%s”", text);
  g_assert_true (gest_date_parse (text, &date, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
}

static void
assert_rejects (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_test_message ("rejecting “%s”", text);
  g_assert_false (gest_date_parse (text, &date, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_parse_valid (void)
{
  assert_parses ("31/01/2026", 31, 1, 2026);
  assert_parses ("1/2/2026", 1, 2, 2026);
  assert_parses ("01/2/2026", 1, 2, 2026);
  assert_parses (" 05/06/1990 ", 5, 6, 1990);
  assert_parses ("29/02/2024", 29, 2, 2024);
  assert_parses ("29/02/2000", 29, 2, 2000);
  assert_parses ("31/12/1900", 31, 12, 1900);
  assert_parses ("01/01/1900", 1, 1, 1900);
  assert_parses ("31/12/9999", 31, 12, 9999);
}

static void
test_parse_invalid (void)
{
  static const char * const bad[] = {
    "31/02/2026", "30/02/2024", "29/02/2026", "29/02/1900", "31/04/2026", "32/01/2026",
    "00/01/2026", "01/00/2026", "01/13/2026", "2026-01-01", "1/1/26", "01/01/1899",
    "", "abc", "01/01/2026x", "001/01/2026", "01/001/2026", "01/01/20260", "01-01-2026",
    "01/01/ 2026", "1//2026", "/01/2026", "01/01/", "31/12/0000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_rejects (bad[i], NULL);
}

static void
test_parse_messages (void)
{
  assert_rejects ("31/02/2026",
                  "“31/02/2026” is not a date: month 2 of 2026 has days 1 to 28. Check the day.");
  assert_rejects ("00/01/2026",
                  "“00/01/2026” is not a date: month 1 of 2026 has days 1 to 31. Check the day.");
  assert_rejects ("2026-01-01",
                  "“2026-01-01” is not a date. Write it as dd/mm/yyyy, like 31/01/2026.");
  assert_rejects ("15/13/2026",
                  "“15/13/2026” is not a date: the month must be between 1 and 12. Write it as dd/mm/yyyy.");
  assert_rejects ("01/01/1899",
                  "“01/01/1899” is not a date: the year must be 1900 or later. Check the year.");
  assert_rejects ("  ", "The date is empty. Write it as dd/mm/yyyy, like 31/01/2026.");
}

static void
test_format_and_iso (void)
{
  GDate date;
  GDate back;
  g_autofree char *shown = NULL;
  g_autofree char *iso = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 3, 2026);
  shown = gest_date_format (&date);
  iso = gest_date_to_iso (&date);
  g_assert_cmpstr (shown, ==, "05/03/2026");
  g_assert_cmpstr (iso, ==, "2026-03-05");

  g_assert_true (gest_date_from_iso (iso, &back));
  g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
  g_assert_true (gest_date_from_iso ("2024-02-29", &back));
  g_assert_cmpuint (g_date_get_day (&back), ==, 29);

  g_assert_false (gest_date_from_iso ("2026-1-1", &back));
  g_assert_false (gest_date_from_iso ("2026-02-30", &back));
  g_assert_false (gest_date_from_iso ("26-01-01", &back));
  g_assert_false (gest_date_from_iso ("2026-01-01T00:00", &back));
  g_assert_false (gest_date_from_iso ("05/03/2026", &back));
  g_assert_false (gest_date_from_iso ("", &back));
  g_assert_false (gest_date_from_iso (NULL, &back));
}

/* Every day of 1900..2100 survives format → parse and ISO → from_iso. */
static void
test_round_trip (void)
{
  GDate date;
  GDate end;

  g_date_clear (&date, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&date, 1, 1, 1900);
  g_date_set_dmy (&end, 31, 12, 2100);

  while (g_date_compare (&date, &end) <= 0)
    {
      g_autofree char *shown = gest_date_format (&date);
      g_autofree char *iso = gest_date_to_iso (&date);
      GDate a, b;

      g_assert_true (gest_date_parse (shown, &a, NULL));
      g_assert_true (gest_date_from_iso (iso, &b));
      g_assert_cmpint (g_date_compare (&date, &a), ==, 0);
      g_assert_cmpint (g_date_compare (&date, &b), ==, 0);
      g_date_add_days (&date, 1);
    }
}

static void
test_days_between (void)
{
  GDate a, b;

  g_assert_true (gest_date_parse ("28/02/2024", &a, NULL));
  g_assert_true (gest_date_parse ("01/03/2024", &b, NULL));
  g_assert_cmpint (gest_date_days_between (&a, &b), ==, 2);
  g_assert_cmpint (gest_date_days_between (&b, &a), ==, -2);
  g_assert_cmpint (gest_date_days_between (&a, &a), ==, 0);
  g_assert_true (gest_date_parse ("01/01/2027", &b, NULL));
  g_assert_true (gest_date_parse ("01/01/2026", &a, NULL));
  g_assert_cmpint (gest_date_days_between (&a, &b), ==, 365);
}

static void
test_timezone (void)
{
  g_autoptr(GTimeZone) def = NULL;
  g_autoptr(GTimeZone) madrid = NULL;
  g_autoptr(GTimeZone) unknown = NULL;
  g_autoptr(GTimeZone) empty = NULL;

  g_unsetenv ("GESTIONA_TZ");
  def = gest_dealer_timezone ();
  g_assert_cmpstr (g_time_zone_get_identifier (def), ==, "America/Mexico_City");

  g_setenv ("GESTIONA_TZ", "Europe/Madrid", TRUE);
  madrid = gest_dealer_timezone ();
  g_assert_cmpstr (g_time_zone_get_identifier (madrid), ==, "Europe/Madrid");

  /* Unknown zones fall back to UTC without a warning (G_DEBUG=fatal-warnings would abort). */
  g_setenv ("GESTIONA_TZ", "Not/A_Zone", TRUE);
  unknown = gest_dealer_timezone ();
  g_assert_cmpstr (g_time_zone_get_identifier (unknown), ==, "UTC");

  g_setenv ("GESTIONA_TZ", "", TRUE);
  empty = gest_dealer_timezone ();
  g_assert_cmpstr (g_time_zone_get_identifier (empty), ==, "America/Mexico_City");

  g_unsetenv ("GESTIONA_TZ");
}

/* Today follows the dealer's zone, not the process's TZ: UTC+14 and UTC-11 are always on
 * different calendar days. */
static void
test_today (void)
{
  GDate east, west, expected;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  int diff;

  g_setenv ("GESTIONA_TZ", "Pacific/Kiritimati", TRUE);
  gest_date_today (&east);
  g_setenv ("GESTIONA_TZ", "Pacific/Pago_Pago", TRUE);
  gest_date_today (&west);

  diff = gest_date_days_between (&west, &east);
  g_assert_true (diff == 1 || diff == 2);

  g_unsetenv ("GESTIONA_TZ");
  tz = g_time_zone_new_identifier ("America/Mexico_City");
  now = g_date_time_new_now (tz);
  gest_date_today (&expected);
  g_assert_cmpuint (g_date_get_day (&expected), ==, g_date_time_get_day_of_month (now));
  g_assert_cmpuint (g_date_get_month (&expected), ==, g_date_time_get_month (now));
  g_assert_cmpuint (g_date_get_year (&expected), ==, g_date_time_get_year (now));
}

static void
test_timestamp (void)
{
  g_autofree char *epoch = NULL;
  g_autofree char *before = NULL;
  g_autofree char *jan = NULL;
  g_autofree char *madrid = NULL;
  gint64 a, b;

  g_unsetenv ("GESTIONA_TZ");
  /* Mexico City was UTC-6 in 1969 and is UTC-6 all year since 2022. */
  epoch = gest_timestamp_format (0);
  g_assert_cmpstr (epoch, ==, "31/12/1969 18:00");
  before = gest_timestamp_format (-1);   /* 23:59:59.999999 UTC, not 00:00 */
  g_assert_cmpstr (before, ==, "31/12/1969 17:59");
  jan = gest_timestamp_format (G_GINT64_CONSTANT (1768501800) * G_USEC_PER_SEC);   /* 2026-01-15 18:30 UTC */
  g_assert_cmpstr (jan, ==, "15/01/2026 12:30");

  g_setenv ("GESTIONA_TZ", "Europe/Madrid", TRUE);
  madrid = gest_timestamp_format (G_GINT64_CONSTANT (1768501800) * G_USEC_PER_SEC);
  g_assert_cmpstr (madrid, ==, "15/01/2026 19:30");
  g_unsetenv ("GESTIONA_TZ");

  a = gest_timestamp_now ();
  b = g_get_real_time ();
  g_assert_cmpint (b - a, >=, 0);
  g_assert_cmpint (b - a, <, 5 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/messages", test_parse_messages);
  g_test_add_func ("/date/format-and-iso", test_format_and_iso);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/date/timezone", test_timezone);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/timestamp", test_timestamp);

  return g_test_run ();
}
