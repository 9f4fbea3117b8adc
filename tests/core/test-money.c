/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money (GestMoney, integer centavos): parsing and formatting of "$1,234.56". */
#include "config.h"

#include <locale.h>

#include "gest-error.h"
#include "gest-money.h"

static void
assert_parses (const char *text,
               GestMoney   expected)
{
  g_autoptr(GError) error = NULL;
  GestMoney value = 12345;   /* garbage: a successful parse must overwrite it */

  g_test_message ("parsing “%s”", text);
  g_assert_true (gest_money_parse (text, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_rejects (const char *text)
{
  g_autoptr(GError) error = NULL;
  GestMoney value = 777;

  g_test_message ("rejecting “%s”", text);
  g_assert_false (gest_money_parse (text, &value, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpint (value, ==, 777);   /* untouched on failure */
}

static void
assert_message (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_money_parse (text, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_formats (GestMoney   value,
                const char *expected)
{
  g_autofree char *text = gest_money_format (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_parse_plain (void)
{
  assert_parses ("1234.56", 123456);
  assert_parses ("1234", 123400);
  assert_parses ("1234.5", 123450);
  assert_parses ("0", 0);
  assert_parses ("0.00", 0);
  assert_parses ("0.01", 1);
  assert_parses ("0.1", 10);
  assert_parses ("99", 9900);
  assert_parses (".5", 50);
  assert_parses ("1234567", 123456700);
}

static void
test_parse_thousands (void)
{
  assert_parses ("1,234.56", 123456);
  assert_parses ("1,234", 123400);
  assert_parses ("12,345.6", 1234560);
  assert_parses ("123,456.78", 12345678);
  assert_parses ("1,234,567.89", 123456789);
  assert_parses ("1,000,000", 100000000);
}

static void
test_parse_currency_sign (void)
{
  assert_parses ("$1,234.56", 123456);
  assert_parses ("$1234.56", 123456);
  assert_parses ("$0.99", 99);
  assert_parses (" $ 1,234.56 ", 123456);
  assert_parses ("\t$1,234.56\n", 123456);
  assert_parses ("$ 500", 50000);
}

static void
test_parse_negative (void)
{
  assert_parses ("-$1,234.56", -123456);
  assert_parses ("$-1,234.56", -123456);
  assert_parses ("-1234.56", -123456);
  assert_parses ("-$ 1.00", -100);
  assert_parses ("-0", 0);
  assert_parses ("-$0.01", -1);
}

static void
test_parse_bad (void)
{
  static const char * const bad[] = {
    "1,23.45", "12,34", "1.234", "abc", "", "   ", "1.2.3", "$", "-", "-$", "$-",
    "1,234.567", "1234,567", "0,123", ",123", "1,2345", "1,234,56", "1,", "1.",
    "1 234.56", "12a", "a12", "$$1", "--1", "-$-1", "1-", "1e5", "0x10", "١٢٣",
    "1,234.56 MXN", "+1", "1.-5", "€1", "$1,234.5 6",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_rejects (bad[i]);
}

static void
test_parse_messages (void)
{
  assert_message ("abc", "“abc” is not an amount. Write it like 1,234.56 or $1,234.56.");
  assert_message ("  1,23.45 ", "“1,23.45” is not an amount. Write it like 1,234.56 or $1,234.56.");
  assert_message ("", "The amount is empty. Write it like 1,234.56 or $1,234.56.");
  assert_message ("1,234.567",
                  "“1,234.567” has more than two decimals. Write the centavos with two digits, like 1,234.56.");
  assert_message ("99999999999999999999",
                  "“99999999999999999999” is too large to be an amount. Check for extra digits.");
}

static void
test_parse_overflow (void)
{
  /* The limits of gint64 centavos are exactly representable. */
  assert_parses ("92233720368547758.07", G_MAXINT64);
  assert_parses ("$92,233,720,368,547,758.07", G_MAXINT64);
  assert_parses ("-92233720368547758.08", G_MININT64);
  assert_parses ("-$92,233,720,368,547,758.08", G_MININT64);
  assert_parses ("92233720368547758", G_MAXINT64 - 7);

  assert_rejects ("92233720368547758.08");
  assert_rejects ("$92,233,720,368,547,758.08");
  assert_rejects ("-92233720368547758.09");
  assert_rejects ("92233720368547759");
  assert_rejects ("100000000000000000000000000000");
  assert_rejects ("1,000,000,000,000,000,000");
  assert_rejects ("18446744073709551616");   /* 2^64: must not wrap around */
}

static void
test_format (void)
{
  assert_formats (0, "$0.00");
  assert_formats (1, "$0.01");
  assert_formats (10, "$0.10");
  assert_formats (99, "$0.99");
  assert_formats (100, "$1.00");
  assert_formats (99999, "$999.99");
  assert_formats (100000, "$1,000.00");
  assert_formats (123456, "$1,234.56");
  assert_formats (12345678, "$123,456.78");
  assert_formats (123456789, "$1,234,567.89");
  assert_formats (100000000, "$1,000,000.00");
  assert_formats (-1, "-$0.01");
  assert_formats (-100, "-$1.00");
  assert_formats (-123456, "-$1,234.56");
  assert_formats (G_MAXINT64, "$92,233,720,368,547,758.07");
  assert_formats (G_MININT64, "-$92,233,720,368,547,758.08");
}

/* Format is fixed, not taken from the locale (Mexican documents always write $1,234.56). */
static void
test_format_locale_independent (void)
{
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);
  g_autofree char *text = NULL;

  /* If a locale with a comma decimal separator is installed, use it; otherwise the test
   * still checks the C locale. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    setlocale (LC_NUMERIC, "es_ES.UTF-8");
  text = gest_money_format (123456789);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (text, ==, "$1,234,567.89");
}

static void
check_round_trip (GestMoney value)
{
  g_autofree char *text = gest_money_format (value);
  g_autofree char *plain = NULL;
  g_autoptr(GError) error = NULL;
  GestMoney back = 0;
  guint64 magnitude;

  if (!gest_money_parse (text, &back, &error))
    g_error ("“%s” (from %" G_GINT64_FORMAT ") does not parse: %s", text, value, error->message);
  g_assert_cmpint (back, ==, value);

  /* The same value written without separators or sign. */
  magnitude = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
  plain = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", value < 0 ? "-" : "",
                           magnitude / 100, (guint) (magnitude % 100));
  g_assert_true (gest_money_parse (plain, &back, &error));
  g_assert_cmpint (back, ==, value);
}

static void
test_round_trip (void)
{
  static const GestMoney fixed[] = {
    0, 1, 9, 10, 99, 100, 101, 999, 1000, 99999, 100000, 100001, 50000, 50001,
    G_MAXINT64, G_MAXINT64 - 1, G_MAXINT64 - 99, G_MAXINT64 - 100, G_MAXINT64 / 10,
    G_MININT64, G_MININT64 + 1, G_MININT64 + 100, -1, -99, -100, -100000,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    check_round_trip (fixed[i]);

  /* Every power of ten and its neighbours, then random values of every magnitude. */
  for (GestMoney p = 1; p <= G_MAXINT64 / 10; p *= 10)
    {
      check_round_trip (p - 1);
      check_round_trip (p);
      check_round_trip (p + 1);
      check_round_trip (-p);
    }
  for (guint i = 0; i < 20000; i++)
    {
      guint digits = g_rand_int_range (rand, 1, 19);
      GestMoney v = 0;

      for (guint d = 0; d < digits; d++)
        v = v * 10 + g_rand_int_range (rand, 0, 10);
      check_round_trip (g_rand_boolean (rand) ? v : -v);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are checked in English. */
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/parse/thousands", test_parse_thousands);
  g_test_add_func ("/money/parse/currency-sign", test_parse_currency_sign);
  g_test_add_func ("/money/parse/negative", test_parse_negative);
  g_test_add_func ("/money/parse/bad-input", test_parse_bad);
  g_test_add_func ("/money/parse/messages", test_parse_messages);
  g_test_add_func ("/money/parse/overflow", test_parse_overflow);
  g_test_add_func ("/money/format/basic", test_format);
  g_test_add_func ("/money/format/locale-independent", test_format_locale_independent);
  g_test_add_func ("/money/round-trip", test_round_trip);

  return g_test_run ();
}
