/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parsers of what users type (#16.10): money, dates, RFC, VIN, phone, postal code, state
 * and e-mail (src/core). The first byte of the input picks the parser; the rest is the text.
 * What a parser accepts must format and parse back to the same value. */
#include "config.h"

#include <string.h>

#include "gest-contact.h"
#include "gest-date.h"
#include "gest-fuzz.h"
#include "gest-money.h"
#include "gest-rfc.h"
#include "gest-vin.h"

static void
money (const char *text)
{
  g_autoptr(GError) error = NULL;
  GestMoney value = 0;

  if (gest_money_parse (text, &value, &error))
    {
      g_autofree char *formatted = gest_money_format (value);
      GestMoney back = 0;

      g_assert_no_error (error);
      if (!gest_money_parse (formatted, &back, NULL) || back != value)
        g_error ("“%s” parses to %" G_GINT64_FORMAT " centavos, formatted “%s”, which does not parse back",
                 text, value, formatted);
    }
  else
    g_assert_nonnull (error);
}

static void
date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate value;
  GDate back;

  if (gest_date_parse (text, &value, &error))
    {
      g_autofree char *formatted = gest_date_format (&value);
      g_autofree char *iso = gest_date_to_iso (&value);

      g_assert_no_error (error);
      g_assert_true (gest_date_parse (formatted, &back, NULL));
      g_assert_cmpint (g_date_compare (&value, &back), ==, 0);
      g_assert_true (gest_date_from_iso (iso, &back));
      g_assert_cmpint (g_date_compare (&value, &back), ==, 0);
    }
  else
    g_assert_nonnull (error);
  if (gest_date_from_iso (text, &value))
    g_assert_true (g_date_valid (&value));
}

static void
rfc (const char *text)
{
  g_autofree char *message = NULL;
  g_autofree char *normalized = gest_rfc_normalize (text);

  (void) gest_rfc_check (text, &message);
  (void) gest_rfc_check_digit (text);
  if (normalized != NULL)
    {
      g_autofree char *again = gest_rfc_normalize (normalized);
      g_autofree char *message2 = NULL;

      (void) gest_rfc_check (normalized, &message2);
      g_assert_cmpstr (again, ==, normalized);
    }
}

static void
vin (const char *text)
{
  g_autofree char *message = NULL;

  (void) gest_vin_check (text, &message);
  (void) gest_vin_check_digit (text);
}

static void
contact (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;

  if (gest_phone_normalize (text, &digits, &error))
    {
      g_autofree char *formatted = gest_phone_format (digits);
      g_autofree char *again = NULL;

      g_assert_true (gest_phone_normalize (formatted, &again, NULL));
      g_assert_cmpstr (again, ==, digits);
    }
  g_clear_error (&error);
  (void) gest_postal_code_check (text, &error);
  g_clear_error (&error);
  (void) gest_email_check (text, &error);
  g_clear_error (&error);
  (void) gest_state_lookup (text);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gest_fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  if (size < 1)
    return 0;
  /* The parsers take NUL-terminated text; from entries, so valid UTF-8. */
  text = g_strndup ((const char *) data + 1, size - 1);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  switch (data[0] % 5)
    {
    case 0: money (text); break;
    case 1: date (text); break;
    case 2: rfc (text); break;
    case 3: vin (text); break;
    case 4: contact (text); break;
    default: g_assert_not_reached ();
    }
  return 0;
}
