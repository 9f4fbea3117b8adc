/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-folio"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-folio.h"

#define PREFIX_MIN 2
#define PREFIX_MAX 5
#define YEAR_MIN   1900
#define YEAR_MAX   9999
#define NUMBER_MAX 999999
#define DEALER_DIGITS 3

static gboolean
prefix_ok (const char *prefix,
           gsize       len)
{
  if (len < PREFIX_MIN || len > PREFIX_MAX)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isupper (prefix[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}

/* "LIQ-2026-000123". Arguments outside the folio format are programming errors. */
char *
gest_folio_format (const char *prefix,
                   int         year,
                   gint64      number)
{
  g_return_val_if_fail (prefix != NULL && prefix_ok (prefix, strlen (prefix)), NULL);
  g_return_val_if_fail (year >= YEAR_MIN && year <= YEAR_MAX, NULL);
  g_return_val_if_fail (number >= 1 && number <= NUMBER_MAX, NULL);

  return g_strdup_printf ("%s-%04d-%06" G_GINT64_FORMAT, prefix, year, number);
}

/* "LIQ-2026-042-070001"; dealer 0 is the legacy "LIQ-2026-070001". */
char *
gest_folio_format_dealer (const char *prefix,
                          int         year,
                          int         dealer,
                          gint64      number)
{
  g_return_val_if_fail (dealer >= 0 && dealer <= GEST_FOLIO_DEALER_MAX, NULL);

  if (dealer == 0)
    return gest_folio_format (prefix, year, number);
  g_return_val_if_fail (prefix != NULL && prefix_ok (prefix, strlen (prefix)), NULL);
  g_return_val_if_fail (year >= YEAR_MIN && year <= YEAR_MAX, NULL);
  g_return_val_if_fail (number >= 1 && number <= NUMBER_MAX, NULL);

  return g_strdup_printf ("%s-%04d-%03d-%06" G_GINT64_FORMAT, prefix, year, dealer, number);
}

gboolean
gest_folio_parse (const char  *folio,
                  char       **out_prefix,
                  int         *out_year,
                  gint64      *out_number,
                  GError     **error)
{
  return gest_folio_parse_dealer (folio, out_prefix, out_year, NULL, out_number, error);
}

/* Accepts surrounding blanks and a lower-case prefix, since people type folios into search
 * boxes; @out_prefix is always upper case. */
gboolean
gest_folio_parse_dealer (const char  *folio,
                         char       **out_prefix,
                         int         *out_year,
                         int         *out_dealer,
                         gint64      *out_number,
                         GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  const char *dash1;
  const char *year_s;
  const char *number_s;
  gsize prefix_len;
  int year;
  int dealer = 0;
  gint64 number;

  g_return_val_if_fail (folio != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  shown = g_strstrip (g_strdup (folio));
  text = g_ascii_strup (shown, -1);

  dash1 = strchr (text, '-');
  if (dash1 == NULL)
    goto bad;
  prefix_len = (gsize) (dash1 - text);
  year_s = dash1 + 1;
  if (!prefix_ok (text, prefix_len) ||
      (strlen (year_s) != 4 + 1 + 6 && strlen (year_s) != 4 + 1 + DEALER_DIGITS + 1 + 6) ||
      !all_digits (year_s, 4) || year_s[4] != '-')
    goto bad;
  number_s = year_s + 5;
  if (strlen (year_s) != 4 + 1 + 6)
    {
      /* The dealer's form: DDD-NNNNNN, DDD from 001. */
      if (!all_digits (number_s, DEALER_DIGITS) || number_s[DEALER_DIGITS] != '-')
        goto bad;
      dealer = (int) g_ascii_strtoll (number_s, NULL, 10);
      if (dealer < 1)
        goto bad;
      number_s += DEALER_DIGITS + 1;
    }
  if (!all_digits (number_s, 6))
    goto bad;

  year = (int) g_ascii_strtoll (year_s, NULL, 10);
  number = g_ascii_strtoll (number_s, NULL, 10);
  if (year < YEAR_MIN)
    goto bad;
  if (number < 1)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a folio: the number after the year starts at 000001."),
                   shown);
      return FALSE;
    }

  if (out_prefix != NULL)
    *out_prefix = g_strndup (text, prefix_len);
  if (out_year != NULL)
    *out_year = year;
  if (out_dealer != NULL)
    *out_dealer = dealer;
  if (out_number != NULL)
    *out_number = number;
  return TRUE;

bad:
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("“%s” is not a folio. Folios look like LIQ-2026-000123."),
               shown);
  return FALSE;
}
