/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-vin"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-vin.h"

#define VIN_LEN 17
#define CHECK_POS 8   /* 0-based: the 9th character */

/* North American check digit (49 CFR 565): letters transliterate to these values
 * (I, O and Q never appear), weighted by position; the 9th character weighs 0. */
static const guint8 weights[VIN_LEN] = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };

/* Value of A..Z; 0 marks I, O and Q, which are not allowed. */
static const guint8 letter_values[26] = {
  1, 2, 3, 4, 5, 6, 7, 8, 0,   /* A..I */
  1, 2, 3, 4, 5, 0, 7, 0, 9,   /* J..R (O and Q excluded) */
  2, 3, 4, 5, 6, 7, 8, 9,      /* S..Z */
};

/* -1 for characters a VIN cannot have. */
static int
transliterate (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 'A' && c <= 'Z' && letter_values[c - 'A'] != 0)
    return letter_values[c - 'A'];
  return -1;
}

static gunichar
compute_check_digit (const gunichar *u)
{
  guint sum = 0;

  for (guint i = 0; i < VIN_LEN; i++)
    {
      int v = transliterate (u[i]);

      g_assert (v >= 0);
      sum += (guint) v * weights[i];
    }
  sum %= 11;
  return sum == 10 ? 'X' : '0' + sum;
}

/* Trimmed, upper-cased UCS-4 copy; NULL if @vin is not UTF-8. */
static gunichar *
to_ucs4 (const char *vin,
         char      **out_norm,
         glong      *out_len)
{
  g_autofree char *trimmed = NULL;
  char *up;
  gunichar *u;

  if (!g_utf8_validate (vin, -1, NULL))
    return NULL;

  trimmed = g_strstrip (g_strdup (vin));
  up = g_utf8_strup (trimmed, -1);
  u = g_utf8_to_ucs4_fast (up, -1, out_len);
  *out_norm = up;
  return u;
}

char
gest_vin_check_digit (const char *vin)
{
  g_autofree char *norm = NULL;
  g_autofree gunichar *u = NULL;
  glong len = 0;

  g_return_val_if_fail (vin != NULL, '\0');

  u = to_ucs4 (vin, &norm, &len);
  if (u == NULL || len != VIN_LEN)
    return '\0';
  for (guint i = 0; i < VIN_LEN; i++)
    {
      if (transliterate (u[i]) < 0)
        return '\0';
    }
  return (char) compute_check_digit (u);
}

GestCheck
gest_vin_check (const char  *vin,
                char       **message)
{
  g_autofree char *norm = NULL;
  g_autofree gunichar *u = NULL;
  glong len = 0;
  gunichar expected;

  g_return_val_if_fail (vin != NULL, GEST_CHECK_INVALID);

  if (message != NULL)
    *message = NULL;

  u = to_ucs4 (vin, &norm, &len);
  if (u == NULL)
    {
      if (message != NULL)
        *message = g_strdup (_("The VIN has characters that are not text. Type it again."));
      return GEST_CHECK_INVALID;
    }

  if (len == 0)
    {
      if (message != NULL)
        *message = g_strdup (_("The VIN is empty. Write its 17 characters as they appear on the invoice or the vehicle."));
      return GEST_CHECK_INVALID;
    }

  if (len != VIN_LEN)
    {
      if (message != NULL)
        *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "“%s” has %u character; a VIN has 17. Check for missing or extra characters.",
                                                 "“%s” has %u characters; a VIN has 17. Check for missing or extra characters.",
                                                 (gulong) len),
                                    norm, (guint) len);
      return GEST_CHECK_INVALID;
    }

  for (guint i = 0; i < VIN_LEN; i++)
    {
      if (transliterate (u[i]) >= 0)
        continue;

      if (message != NULL)
        {
          if (u[i] == 'I' || u[i] == 'O' || u[i] == 'Q')
            {
              /* Those letters are excluded because they look like 1 and 0: say so. */
              *message = g_strdup_printf (_("“%s” has the letter %c at position %u, and VINs never use I, O or Q. It is probably the digit %c."),
                                          norm, (char) u[i], i + 1, u[i] == 'I' ? '1' : '0');
            }
          else
            {
              char c[8] = { 0 };

              g_unichar_to_utf8 (u[i], c);
              *message = g_strdup_printf (_("“%s” has “%s” at position %u; a VIN has only letters and digits."),
                                          norm, c, i + 1);
            }
        }
      return GEST_CHECK_INVALID;
    }

  expected = compute_check_digit (u);
  if (expected != u[CHECK_POS])
    {
      if (message != NULL)
        *message = g_strdup_printf (_("The check digit of “%s” (position 9) should be “%c”, not “%c”. Compare the VIN with the vehicle’s invoice."),
                                    norm, (char) expected, (char) u[CHECK_POS]);
      return GEST_CHECK_WARNING;
    }

  return GEST_CHECK_VALID;
}
