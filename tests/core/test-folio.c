/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folios PREFIX-YYYY-NNNNNN and PREFIX-YYYY-DDD-NNNNNN (issue 2, core rules; T5: one folio
 * follows a payoff; #16.3: the dealer's number in its folios). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-error.h"
#include "gest-folio.h"

static void
test_format (void)
{
  g_autofree char *a = gest_folio_format ("LIQ", 2026, 123);
  g_autofree char *b = gest_folio_format ("AB", 1999, 1);
  g_autofree char *c = gest_folio_format ("ABCDE", 2026, 999999);

  g_assert_cmpstr (a, ==, "LIQ-2026-000123");
  g_assert_cmpstr (b, ==, "AB-1999-000001");
  g_assert_cmpstr (c, ==, "ABCDE-2026-999999");
}

/* Out-of-range arguments are programming errors: a critical, and NULL. */
static void
test_format_bad_arguments (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *f = gest_folio_format ("LIQ", 2026, 1000000);

      g_assert_null (f);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*number <= NUMBER_MAX*");
}

static void
assert_parses (const char *text,
               const char *prefix,
               int         year,
               gint64      number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p = NULL;
  int y = 0;
  gint64 n = 0;

  g_test_message ("folio “%s”", text);
  g_assert_true (gest_folio_parse (text, &p, &y, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (p, ==, prefix);
  g_assert_cmpint (y, ==, year);
  g_assert_cmpint (n, ==, number);
}

static void
test_parse_valid (void)
{
  assert_parses ("LIQ-2026-000123", "LIQ", 2026, 123);
  assert_parses ("AB-1999-000001", "AB", 1999, 1);
  assert_parses ("ABCDE-2026-999999", "ABCDE", 2026, 999999);
  assert_parses ("  liq-2026-000123 ", "LIQ", 2026, 123);   /* typed in a search box */
  g_assert_true (gest_folio_parse ("LIQ-2026-000123", NULL, NULL, NULL, NULL));
}

static void
test_parse_invalid (void)
{
  static const char * const bad[] = {
    "", "LIQ", "LIQ-2026", "LIQ-2026-", "LIQ-2026-123", "LIQ-2026-0000123", "LIQ-26-000123",
    "L-2026-000123", "ABCDEF-2026-000123", "L1Q-2026-000123", "LIQ2026000123", "LIQ_2026_000123",
    "LIQ-2026-00012a", "LIQ-1899-000001", "LIQ-2026-000000", "LIQ--2026-000123",
    "LIQ-2026-000123-", "LIQ-+026-000123", "LIQ-2026--00123", "LIQ-2026-+00123", "ÑIQ-2026-000123",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char *prefix = NULL;

      g_test_message ("bad folio “%s”", bad[i]);
      g_assert_false (gest_folio_parse (bad[i], &prefix, NULL, NULL, &error));
      g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
      g_assert_null (prefix);
    }
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;

  g_assert_false (gest_folio_parse (" liq-2026-123 ", NULL, NULL, NULL, &e1));
  g_assert_cmpstr (e1->message, ==, "“liq-2026-123” is not a folio. Folios look like LIQ-2026-000123.");
  g_assert_false (gest_folio_parse ("LIQ-2026-000000", NULL, NULL, NULL, &e2));
  g_assert_cmpstr (e2->message, ==, "“LIQ-2026-000000” is not a folio: the number after the year starts at 000001.");
}

static void
test_round_trip (void)
{
  static const gint64 numbers[] = { 1, 9, 10, 99, 100, 12345, 99999, 100000, 999998, 999999 };
  static const char * const prefixes[] = { "LIQ", "AB", "QJA", "ABCDE" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (numbers); j++)
      for (int year = 1900; year <= 2100; year += 25)
        {
          g_autofree char *folio = gest_folio_format (prefixes[i], year, numbers[j]);
          g_autofree char *p = NULL;
          int y;
          gint64 n;

          g_assert_cmpuint (strlen (folio), ==, strlen (prefixes[i]) + 12);
          g_assert_true (gest_folio_parse (folio, &p, &y, &n, NULL));
          g_assert_cmpstr (p, ==, prefixes[i]);
          g_assert_cmpint (y, ==, year);
          g_assert_cmpint (n, ==, numbers[j]);
        }
}

/* #16.3 (T5): a dealer's folio carries its number, LIQ-2026-042-070001, so two dealers'
 * first devices (both device 1) make different folios; dealer 0 is the legacy form. */
static void
test_dealer_format (void)
{
  g_autofree char *a = gest_folio_format_dealer ("LIQ", 2026, 1, 10001);
  g_autofree char *b = gest_folio_format_dealer ("LIQ", 2026, 2, 10001);
  g_autofree char *c = gest_folio_format_dealer ("ABCDE", 2026, GEST_FOLIO_DEALER_MAX, 999999);
  g_autofree char *legacy = gest_folio_format_dealer ("LIQ", 2026, 0, 10001);

  g_assert_cmpstr (a, ==, "LIQ-2026-001-010001");
  g_assert_cmpstr (b, ==, "LIQ-2026-002-010001");
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (c, ==, "ABCDE-2026-999-999999");
  g_assert_cmpstr (legacy, ==, "LIQ-2026-010001");
}

static void
test_dealer_format_bad_arguments (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *f = gest_folio_format_dealer ("LIQ", 2026, 1000, 1);

      g_assert_null (f);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*dealer <= GEST_FOLIO_DEALER_MAX*");
}

static void
test_dealer_parse (void)
{
  static const struct { const char *text; const char *prefix; int year; int dealer; gint64 number; } good[] = {
    { "LIQ-2026-042-070001", "LIQ", 2026, 42, 70001 },
    { " liq-2026-001-000001 ", "LIQ", 2026, 1, 1 },
    { "ABCDE-2026-999-999999", "ABCDE", 2026, 999, 999999 },
    { "LIQ-2026-070001", "LIQ", 2026, 0, 70001 },   /* legacy: dealer 0 */
  };
  static const char * const bad[] = {
    "LIQ-2026-000-070001", "LIQ-2026-42-070001", "LIQ-2026-0042-070001", "LIQ-2026-042-70001",
    "LIQ-2026-042-0700011", "LIQ-2026-042070001", "LIQ-2026-04a-070001", "LIQ-2026-042-000000",
    "LIQ-2026-042--70001", "LIQ-2026-+42-070001", "LIQ-2026-042-070001-", "LIQ-2026--042-70001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *p = NULL;
      int y = 0, d = -1;
      gint64 n = 0;

      g_test_message ("folio “%s”", good[i].text);
      g_assert_true (gest_folio_parse_dealer (good[i].text, &p, &y, &d, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (p, ==, good[i].prefix);
      g_assert_cmpint (y, ==, good[i].year);
      g_assert_cmpint (d, ==, good[i].dealer);
      g_assert_cmpint (n, ==, good[i].number);
      /* Without the dealer, the same. */
      g_assert_true (gest_folio_parse (good[i].text, NULL, &y, &n, NULL));
      g_assert_cmpint (n, ==, good[i].number);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int d = -1;

      g_test_message ("bad folio “%s”", bad[i]);
      g_assert_false (gest_folio_parse_dealer (bad[i], NULL, NULL, &d, NULL, &error));
      g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
      g_assert_cmpint (d, ==, -1);
    }
}

static void
test_dealer_round_trip (void)
{
  static const int dealers[] = { 0, 1, 9, 10, 99, 100, 998, 999 };
  static const gint64 numbers[] = { 1, 10001, 999999 };

  for (guint i = 0; i < G_N_ELEMENTS (dealers); i++)
    for (guint j = 0; j < G_N_ELEMENTS (numbers); j++)
      {
        g_autofree char *folio = gest_folio_format_dealer ("LIQ", 2026, dealers[i], numbers[j]);
        int d = -1;
        gint64 n = 0;

        g_assert_true (gest_folio_parse_dealer (folio, NULL, NULL, &d, &n, NULL));
        g_assert_cmpint (d, ==, dealers[i]);
        g_assert_cmpint (n, ==, numbers[j]);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/folio/format", test_format);
  g_test_add_func ("/folio/format/bad-arguments", test_format_bad_arguments);
  g_test_add_func ("/folio/parse/valid", test_parse_valid);
  g_test_add_func ("/folio/parse/invalid", test_parse_invalid);
  g_test_add_func ("/folio/parse/messages", test_parse_messages);
  g_test_add_func ("/folio/round-trip", test_round_trip);
  g_test_add_func ("/folio/T5/16.3/dealer-format", test_dealer_format);
  g_test_add_func ("/folio/T5/16.3/dealer-format/bad-arguments", test_dealer_format_bad_arguments);
  g_test_add_func ("/folio/T5/16.3/dealer-parse", test_dealer_parse);
  g_test_add_func ("/folio/T5/16.3/dealer-round-trip", test_dealer_round_trip);

  return g_test_run ();
}
