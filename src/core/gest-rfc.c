/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-rfc"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gest-rfc.h"

#define N_TILDE 0x00D1   /* Ñ */
#define RFC_MORAL_LEN  12
#define RFC_FISICA_LEN 13

/* SAT's value table for the check digit: the position of each character in this string.
 * "&" sits between N and O, the blank (used to pad company RFCs) and Ñ come last. */
static const gunichar check_alphabet[] = {
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N',
  '&',
  'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z',
  ' ', N_TILDE,
};

/* The generic RFCs SAT assigns to the general public (XAXX) and to foreigners (XEXX). */
static const char * const generic_rfcs[] = { "XAXX010101000", "XEXX010101000" };

static int
check_value (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_alphabet); i++)
    {
      if (check_alphabet[i] == c)
        return (int) i;
    }
  return -1;
}

static gboolean
is_upper_ascii_letter (gunichar c)
{
  return c >= 'A' && c <= 'Z';
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_alnum (gunichar c)
{
  return is_upper_ascii_letter (c) || is_digit (c);
}

/* Number of name letters (3 for companies, 4 for persons), 0 if the length fits neither. */
static guint
name_length (glong len)
{
  if (len == RFC_MORAL_LEN)
    return 3;
  if (len == RFC_FISICA_LEN)
    return 4;
  return 0;
}

/* Persons' RFCs use letters of their names (Ñ included); companies' also "&". */
static gboolean
name_ok (const gunichar *u,
         guint           n_name)
{
  for (guint i = 0; i < n_name; i++)
    {
      if (is_upper_ascii_letter (u[i]) || u[i] == N_TILDE)
        continue;
      if (u[i] == '&' && n_name == 3)
        continue;
      return FALSE;
    }
  return TRUE;
}

static gboolean
digits_ok (const gunichar *u,
           guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!is_digit (u[i]))
        return FALSE;
    }
  return TRUE;
}

/* yymmdd. The century is unknown; 20yy has the same leap years as 19yy except for 00,
 * where 2000 is leap and 1900 is not, so 20yy accepts every date either century accepts. */
static gboolean
date_ok (const gunichar *u)
{
  guint yy = (u[0] - '0') * 10 + (u[1] - '0');
  guint mm = (u[2] - '0') * 10 + (u[3] - '0');
  guint dd = (u[4] - '0') * 10 + (u[5] - '0');

  return g_date_valid_dmy ((GDateDay) dd, (GDateMonth) mm, (GDateYear) (2000 + yy));
}

/* The check digit over the first @len characters (11 for companies, 12 for persons).
 * Companies are padded with a leading blank so that weights always run 13..2. */
static gunichar
compute_check_digit (const gunichar *u,
                     guint           len)
{
  guint pad = 12 - len;
  guint sum = 0;
  guint digit;

  g_assert (len == 11 || len == 12);

  sum += pad * (guint) check_value (' ') * 13;
  for (guint i = 0; i < len; i++)
    {
      int v = check_value (u[i]);

      g_assert (v >= 0);
      sum += (guint) v * (13 - (i + pad));
    }

  digit = (11 - sum % 11) % 11;
  return digit == 10 ? 'A' : '0' + digit;
}

/* Checks the shape (characters of each part, not the date). */
static gboolean
shape_ok (const gunichar *u,
          glong           len)
{
  guint n_name = name_length (len);

  return n_name != 0 &&
         name_ok (u, n_name) &&
         digits_ok (u + n_name, 6) &&
         is_alnum (u[n_name + 6]) && is_alnum (u[n_name + 7]) && is_alnum (u[n_name + 8]);
}

char *
gest_rfc_normalize (const char *rfc)
{
  g_autofree char *up = NULL;
  GString *out;

  g_return_val_if_fail (rfc != NULL, NULL);

  /* Separators people type ("GODE-561231-GR8", "GODE 561231 GR8") are dropped too. */
  up = g_utf8_strup (rfc, -1);
  out = g_string_sized_new (strlen (up));
  for (const char *p = up; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '-' && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char
gest_rfc_check_digit (const char *rfc)
{
  g_autofree char *norm = NULL;
  g_autofree gunichar *u = NULL;
  glong len = 0;

  g_return_val_if_fail (rfc != NULL, '\0');

  if (!g_utf8_validate (rfc, -1, NULL))
    return '\0';
  norm = gest_rfc_normalize (rfc);
  u = g_utf8_to_ucs4_fast (norm, -1, &len);
  if (!shape_ok (u, len))
    return '\0';

  return (char) compute_check_digit (u, (guint) len - 1);
}

GestCheck
gest_rfc_check (const char  *rfc,
                char       **message)
{
  g_autofree char *norm = NULL;
  g_autofree gunichar *u = NULL;
  glong len = 0;
  guint n_name;
  gunichar expected;

  g_return_val_if_fail (rfc != NULL, GEST_CHECK_INVALID);

  if (message != NULL)
    *message = NULL;

  if (!g_utf8_validate (rfc, -1, NULL))
    {
      if (message != NULL)
        *message = g_strdup (_("The RFC has characters that are not text. Type it again."));
      return GEST_CHECK_INVALID;
    }

  norm = gest_rfc_normalize (rfc);
  u = g_utf8_to_ucs4_fast (norm, -1, &len);

  if (len == 0)
    {
      if (message != NULL)
        *message = g_strdup (_("The RFC is empty. Write its 12 characters (company) or 13 (person), like GODE561231GR8."));
      return GEST_CHECK_INVALID;
    }

  for (guint i = 0; i < G_N_ELEMENTS (generic_rfcs); i++)
    {
      if (g_str_equal (norm, generic_rfcs[i]))
        return GEST_CHECK_VALID;
    }

  n_name = name_length (len);
  if (n_name == 0)
    {
      if (message != NULL)
        *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "“%s” has %u character; an RFC has 12 (company) or 13 (person). Check for missing or extra characters.",
                                                 "“%s” has %u characters; an RFC has 12 (company) or 13 (person). Check for missing or extra characters.",
                                                 (gulong) len),
                                    norm, (guint) len);
      return GEST_CHECK_INVALID;
    }

  /* Four letters and a date in 12 characters, or three letters and a date in 13: most
   * likely a character is missing from a person's RFC or left over in a company's. */
  if (n_name == 3 && name_ok (u, 4) && digits_ok (u + 4, 6) && date_ok (u + 4))
    {
      if (message != NULL)
        *message = g_strdup_printf (_("“%s” looks like a person’s RFC with a character missing: a person’s RFC has 13 characters, like GODE561231GR8."),
                                    norm);
      return GEST_CHECK_INVALID;
    }
  if (n_name == 4 && name_ok (u, 3) && digits_ok (u + 3, 6) && date_ok (u + 3))
    {
      if (message != NULL)
        *message = g_strdup_printf (_("“%s” looks like a company’s RFC with an extra character: a company’s RFC has 12 characters, like MAB9307148T4."),
                                    norm);
      return GEST_CHECK_INVALID;
    }

  if (!name_ok (u, n_name))
    {
      if (message != NULL)
        {
          if (n_name == 4)
            *message = g_strdup_printf (_("“%s” is not an RFC: a person’s RFC starts with 4 letters from their name, like GODE561231GR8."),
                                        norm);
          else
            *message = g_strdup_printf (_("“%s” is not an RFC: a company’s RFC starts with 3 letters, Ñ or &, like MAB9307148T4."),
                                        norm);
        }
      return GEST_CHECK_INVALID;
    }

  if (!digits_ok (u + n_name, 6))
    {
      if (message != NULL)
        *message = g_strdup_printf (_("“%s” is not an RFC: after the letters come 6 digits, the date as yymmdd (31 December 1956 is 561231)."),
                                    norm);
      return GEST_CHECK_INVALID;
    }

  if (!date_ok (u + n_name))
    {
      g_autofree char *date = g_ucs4_to_utf8 (u + n_name, 6, NULL, NULL, NULL);

      if (message != NULL)
        *message = g_strdup_printf (_("“%s” is not an RFC: %s is not a valid date as yymmdd. Check the date of birth or of incorporation."),
                                    norm, date);
      return GEST_CHECK_INVALID;
    }

  if (!is_alnum (u[n_name + 6]) || !is_alnum (u[n_name + 7]) || !is_alnum (u[n_name + 8]))
    {
      if (message != NULL)
        *message = g_strdup_printf (_("“%s” is not an RFC: the last 3 characters (the homoclave) are letters A to Z or digits."),
                                    norm);
      return GEST_CHECK_INVALID;
    }

  expected = compute_check_digit (u, (guint) len - 1);
  if (expected != u[len - 1])
    {
      if (message != NULL)
        *message = g_strdup_printf (_("The check digit of “%s” should be “%c”, not “%c”. Compare the RFC with the customer’s tax certificate (constancia de situación fiscal)."),
                                    norm, (char) expected, (char) u[len - 1]);
      return GEST_CHECK_WARNING;
    }

  return GEST_CHECK_VALID;
}
