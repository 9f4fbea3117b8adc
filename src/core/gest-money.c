/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-money"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-money.h"

/* The magnitude of G_MININT64 does not fit in a gint64, so magnitudes are guint64. */
#define MAX_POSITIVE ((guint64) G_MAXINT64)
#define MAX_NEGATIVE ((guint64) G_MAXINT64 + 1)

typedef enum
{
  PARSE_OK,
  PARSE_BAD,
  PARSE_DECIMALS,
  PARSE_OVERFLOW,
} ParseResult;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

/* Adds one decimal digit to @acc, FALSE on overflow of @limit. */
static gboolean
push_digit (guint64 *acc,
            int      digit,
            guint64  limit)
{
  if (*acc > (limit - (guint64) digit) / 10)
    return FALSE;
  *acc = *acc * 10 + (guint64) digit;
  return TRUE;
}

/* Integer part: either plain digits ("1234567") or groups of three separated by commas
 * with a first group of one to three digits that does not start with 0 ("1,234,567").
 * Mixing both ("1234,567") or short groups ("12,34") is rejected: they are typos. */
static ParseResult
parse_integer (const char **p,
               guint64     *pesos,
               gboolean    *any_digit)
{
  const char *s = *p;
  guint n = 0;

  *pesos = 0;
  *any_digit = FALSE;

  while (g_ascii_isdigit (s[n]))
    n++;

  if (s[n] == ',')
    {
      if (n < 1 || n > 3 || s[0] == '0')
        return PARSE_BAD;

      for (guint i = 0; i < n; i++)
        push_digit (pesos, s[i] - '0', G_MAXUINT64);
      s += n;

      while (*s == ',')
        {
          s++;
          for (guint i = 0; i < 3; i++)
            {
              if (!g_ascii_isdigit (s[i]))
                return PARSE_BAD;
            }
          if (g_ascii_isdigit (s[3]))
            return PARSE_BAD;
          for (guint i = 0; i < 3; i++)
            {
              if (!push_digit (pesos, s[i] - '0', MAX_NEGATIVE / 100))
                return PARSE_OVERFLOW;
            }
          s += 3;
        }
      *any_digit = TRUE;
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          if (!push_digit (pesos, s[i] - '0', MAX_NEGATIVE / 100))
            return PARSE_OVERFLOW;
        }
      s += n;
      *any_digit = n > 0;
    }

  *p = s;
  return PARSE_OK;
}

static ParseResult
parse_amount (const char *s,
              GestMoney  *out)
{
  gboolean negative = FALSE;
  gboolean any_digit;
  guint64 pesos;
  guint64 centavos = 0;
  guint64 total;
  ParseResult r;

  if (*s == '-')
    {
      negative = TRUE;
      s++;
    }
  if (*s == '$')
    {
      s++;
      while (is_space (*s))
        s++;
      /* "$-1,234.56" is common enough in spreadsheets to accept. */
      if (*s == '-' && !negative)
        {
          negative = TRUE;
          s++;
        }
    }

  r = parse_integer (&s, &pesos, &any_digit);
  if (r != PARSE_OK)
    return r;

  if (*s == '.')
    {
      guint n = 0;

      s++;
      while (g_ascii_isdigit (s[n]))
        n++;
      if (n == 0)
        return PARSE_BAD;
      if (n > 2)
        return s[n] == '\0' ? PARSE_DECIMALS : PARSE_BAD;
      centavos = (guint64) (s[0] - '0') * 10;
      if (n == 2)
        centavos += (guint64) (s[1] - '0');
      s += n;
      any_digit = TRUE;
    }

  if (!any_digit || *s != '\0')
    return PARSE_BAD;

  if (pesos > (G_MAXUINT64 - centavos) / 100)
    return PARSE_OVERFLOW;
  total = pesos * 100 + centavos;
  if (total > (negative ? MAX_NEGATIVE : MAX_POSITIVE))
    return PARSE_OVERFLOW;

  if (negative)
    *out = total == MAX_NEGATIVE ? G_MININT64 : -(gint64) total;
  else
    *out = (gint64) total;
  return PARSE_OK;
}

gboolean
gest_money_parse (const char  *text,
                  GestMoney   *out_centavos,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  GestMoney value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The amount is empty. Write it like 1,234.56 or $1,234.56."));
      return FALSE;
    }

  switch (parse_amount (trimmed, &value))
    {
    case PARSE_OK:
      if (out_centavos != NULL)
        *out_centavos = value;
      return TRUE;

    case PARSE_DECIMALS:
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” has more than two decimals. Write the centavos with two digits, like 1,234.56."),
                   trimmed);
      return FALSE;

    case PARSE_OVERFLOW:
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is too large to be an amount. Check for extra digits."),
                   trimmed);
      return FALSE;

    case PARSE_BAD:
    default:
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an amount. Write it like 1,234.56 or $1,234.56."),
                   trimmed);
      return FALSE;
    }
}

char *
gest_money_format (GestMoney centavos)
{
  GString *out = g_string_sized_new (32);
  guint64 magnitude;
  char digits[24];
  guint n;

  /* Formatting is fixed, not taken from the locale: Mexican documents write $1,234.56. */
  if (centavos < 0)
    {
      g_string_append_c (out, '-');
      magnitude = centavos == G_MININT64 ? MAX_NEGATIVE : (guint64) -centavos;
    }
  else
    {
      magnitude = (guint64) centavos;
    }
  g_string_append_c (out, '$');

  n = (guint) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}
