/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gest-contact.h"
#include "gest-date.h"
#include "gest-import-row.h"
#include "gest-rfc.h"
#include "gest-vin.h"

/* The values of a row, each read with the core's parsers and validators (gest-money,
 * gest-date, gest-rfc, gest-vin, gest-contact), so an import accepts what a form accepts. */

typedef struct
{
  const GestImportMapping *mapping;
  gboolean                 xlsx;
  guint                    row;
  GestImportIssueFunc      issue;
  gpointer                 user_data;
  gboolean                 ok;
} Check;

void
gest_import_record_init (GestImportRecord *record)
{
  memset (record, 0, sizeof *record);
  record->chunk = g_string_chunk_new (512);
}

void
gest_import_record_clear (GestImportRecord *record)
{
  g_clear_pointer (&record->chunk, g_string_chunk_free);
}

gboolean
gest_import_rfc_is_generic (const char *rfc)
{
  return rfc == NULL || rfc[0] == '\0' || g_str_equal (rfc, "XAXX010101000") ||
         g_str_equal (rfc, "XEXX010101000");
}

static void
fail (Check      *check,
      int         column,
      const char *message)
{
  check->ok = FALSE;
  if (check->issue != NULL)
    check->issue (check->row, column, message, check->user_data);
}

static void
failf (Check      *check,
       int         column,
       const char *format,
       ...) G_GNUC_PRINTF (3, 4);

static void
failf (Check      *check,
       int         column,
       const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fail (check, column, message);
}

/* A spreadsheet number that is a whole number ("6600", "45291", "45291.0"). */
static gboolean
parse_whole (const char *text,
             gint64     *out)
{
  char *end = NULL;
  double d;

  if (text[0] == '\0')
    return FALSE;
  d = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || d != floor (d) || fabs (d) > 1e15)
    return FALSE;
  *out = (gint64) d;
  return TRUE;
}

static gboolean
parse_date (Check      *check,
            const char *text,
            GDate      *out)
{
  gint64 serial;

  if (gest_date_parse (text, out, NULL) || gest_date_from_iso (text, out))
    return TRUE;
  /* Spreadsheets store a date as days since 30/12/1899. */
  if (check->xlsx && parse_whole (text, &serial) && serial > 0 && serial < 2958466)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, 30, G_DATE_DECEMBER, 1899);
      g_date_add_days (out, (guint) serial);
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_money (Check      *check,
             const char *text,
             GestMoney  *out)
{
  char *end = NULL;
  double d;

  if (gest_money_parse (text, out, NULL))
    return TRUE;
  if (!check->xlsx)
    return FALSE;
  d = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (d) || fabs (d) > 1e13)
    return FALSE;
  *out = (GestMoney) llround (d * 100.0);
  return TRUE;
}

static void
check_field (Check            *check,
             GestImportRecord *record,
             GestImportField   field,
             int               column,
             const char       *raw)
{
  GestImportKind kind = check->mapping->kind;
  g_autofree char *stripped = g_strstrip (g_strdup (raw));
  g_autofree char *value = NULL;
  /* Translated only when a message needs it: a million rows call this for each field. */
#define label gest_import_field_label (field)

  if (stripped[0] == '\0')
    {
      if (gest_import_field_required (kind, field) && field != GEST_IMPORT_FIELD_AS_OF)
        failf (check, column, _("%s is empty: this import needs it on every row."), label);
      else if (field == GEST_IMPORT_FIELD_AS_OF)
        {
          GDate today;

          gest_date_today (&today);
          value = gest_date_to_iso (&today);
        }
      else
        value = g_strdup ("");
      if (value != NULL)
        record->text[field] = g_string_chunk_insert (record->chunk, value);
      return;
    }

  switch (field)
    {
    case GEST_IMPORT_FIELD_RFC:
      {
        g_autofree char *message = NULL;

        value = gest_rfc_normalize (stripped);
        if (gest_rfc_check (value, &message) == GEST_CHECK_INVALID)
          {
            failf (check, column, _("The RFC “%s” is not valid: %s"), stripped, message);
            g_clear_pointer (&value, g_free);
          }
      }
      break;
    case GEST_IMPORT_FIELD_VIN:
      {
        g_autofree char *message = NULL;

        value = g_ascii_strup (stripped, -1);
        g_strdelimit (value, " -", ' ');
        g_strstrip (value);
        if (gest_vin_check (value, &message) == GEST_CHECK_INVALID)
          {
            failf (check, column, _("The VIN “%s” is not valid: %s"), stripped, message);
            g_clear_pointer (&value, g_free);
          }
      }
      break;
    case GEST_IMPORT_FIELD_EMAIL:
      if (gest_email_check (stripped, NULL))
        value = g_steal_pointer (&stripped);
      else
        failf (check, column, _("“%s” is not an email address."), stripped);
      break;
    case GEST_IMPORT_FIELD_PHONE_MOBILE:
    case GEST_IMPORT_FIELD_PHONE_HOME:
    case GEST_IMPORT_FIELD_PHONE_WORK:
      if (!gest_phone_normalize (stripped, &value, NULL))
        failf (check, column, _("The phone “%s” is not a Mexican phone number of 10 digits."), stripped);
      break;
    case GEST_IMPORT_FIELD_POSTAL_CODE:
    case GEST_IMPORT_FIELD_FISCAL_POSTAL_CODE:
      {
        gint64 n;

        /* A spreadsheet stores 06600 as the number 6600. */
        if (check->xlsx && strlen (stripped) == 4 && parse_whole (stripped, &n))
          value = g_strdup_printf ("%05" G_GINT64_FORMAT, n);
        else
          value = g_steal_pointer (&stripped);
        if (!gest_postal_code_check (value, NULL))
          {
            failf (check, column, _("The postal code “%s” is not 5 digits."), value);
            g_clear_pointer (&value, g_free);
          }
      }
      break;
    case GEST_IMPORT_FIELD_STATE:
      {
        const GestState *state = gest_state_lookup (stripped);

        if (state != NULL)
          value = g_strdup (state->code);
        else
          failf (check, column, _("“%s” is not a Mexican state."), stripped);
      }
      break;
    case GEST_IMPORT_FIELD_YEAR:
    case GEST_IMPORT_FIELD_KM:
      {
        g_autofree char *digits = g_strdup (stripped);
        gint64 n = 0;
        char *w = digits;

        for (const char *p = stripped; *p != '\0'; p++)
          if (*p != ',')
            *w++ = *p;
        *w = '\0';
        if (!parse_whole (digits, &n) || n < 0 ||
            (field == GEST_IMPORT_FIELD_YEAR && (n < 1900 || n > 2100)) || n > 10000000)
          failf (check, column, field == GEST_IMPORT_FIELD_YEAR
                                  ? _("The year “%s” is not a year between 1900 and 2100.")
                                  : _("“%s” is not a number of kilometers."), stripped);
        else
          {
            record->number[field] = n;
            value = g_strdup_printf ("%" G_GINT64_FORMAT, n);
          }
      }
      break;
    case GEST_IMPORT_FIELD_INSTALLMENT:
    case GEST_IMPORT_FIELD_BALANCE:
    case GEST_IMPORT_FIELD_OVERDUE:
    case GEST_IMPORT_FIELD_LIFE_INSURANCE:
      {
        GestMoney amount = 0;

        if (!parse_money (check, stripped, &amount))
          failf (check, column, _("“%s” is not an amount: write it like 1234.56 or $1,234.56."), stripped);
        else if (amount < 0 || (field == GEST_IMPORT_FIELD_INSTALLMENT && amount == 0))
          failf (check, column, field == GEST_IMPORT_FIELD_INSTALLMENT
                                  ? _("The installment must be more than $0.00.")
                                  : _("%s cannot be negative."), label);
        else
          {
            record->money[field] = amount;
            value = g_strdup (stripped);
          }
      }
      break;
    case GEST_IMPORT_FIELD_AS_OF:
      {
        GDate date;

        if (parse_date (check, stripped, &date))
          value = gest_date_to_iso (&date);
        else
          failf (check, column, _("“%s” is not a date: write it as dd/mm/yyyy."), stripped);
      }
      break;
    case GEST_IMPORT_FIELD_NAME:
    case GEST_IMPORT_FIELD_PLAN_NUMBER:
    case GEST_IMPORT_FIELD_STREET:
    case GEST_IMPORT_FIELD_EXT_NUMBER:
    case GEST_IMPORT_FIELD_INT_NUMBER:
    case GEST_IMPORT_FIELD_NEIGHBORHOOD:
    case GEST_IMPORT_FIELD_CITY:
    case GEST_IMPORT_FIELD_MODEL:
    case GEST_IMPORT_FIELD_PLATE:
      if (g_utf8_strlen (stripped, -1) > 200)
        failf (check, column, _("%s is longer than 200 characters."), label);
      else
        value = g_steal_pointer (&stripped);
      break;
    case GEST_IMPORT_FIELD_NONE:
    case GEST_N_IMPORT_FIELDS:
    default:
      g_assert_not_reached ();
    }
  if (value != NULL)
    record->text[field] = g_string_chunk_insert (record->chunk, value);
#undef label
}

gboolean
gest_import_row_check (const GestImportMapping *mapping,
                       gboolean                 xlsx,
                       guint                    row,
                       const char * const      *cells,
                       guint                    n_cells,
                       GestImportRecord        *record,
                       GestImportIssueFunc      issue,
                       gpointer                 user_data)
{
  Check check = { mapping, xlsx, row, issue, user_data, TRUE };

  g_string_chunk_clear (record->chunk);
  memset (record->text, 0, sizeof record->text);
  memset (record->money, 0, sizeof record->money);
  memset (record->number, 0, sizeof record->number);

  for (guint i = 0; i < mapping->n_columns; i++)
    {
      GestImportField field = mapping->fields[i];

      if (field == GEST_IMPORT_FIELD_NONE)
        continue;
      check_field (&check, record, field, (int) i, i < n_cells ? cells[i] : "");
    }
  /* A required field whose column the mapping lacks is the mapping's error, found once. */
  return check.ok;
}
