/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-day-sheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-agenda-mail.h"
#include "gest-campaign.h"
#include "gest-date.h"
#include "gest-letter-pdf.h"

/* The advisor's day sheet (S12, S13): the letterhead of the dealer's letters, one page (or
 * more) per advisor, the day's reservations by time with the customer, phone, vehicle and
 * mileage, service, transport, open field actions and notes, for the advisor to print the
 * afternoon before. The sheet is for the dealer's staff: the interface's language. */

typedef struct
{
  char    *advisor_uuid;
  char    *advisor_name;
  GString *body;
  guint    n;
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->advisor_uuid);
  g_free (sheet->advisor_name);
  g_string_free (sheet->body, TRUE);
  g_free (sheet);
}

static const char *
kind_label (const char *kind)
{
  static const struct { const char *id, *label; } kinds[] = {
    { "maintenance", N_("Maintenance") }, { "repair", N_("Repair") }, { "field-action", N_("Field action") },
    { "diagnosis", N_("Diagnosis") }, { "warranty", N_("Warranty") }, { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return _(kinds[i].label);
  return kind;
}

static const char *
state_label (const char *state)
{
  return g_strcmp0 (state, "to-confirm") == 0 ? _("To confirm") : "";
}

/* "35,000 km". */
static char *
format_km (int km)
{
  g_autofree char *digits = g_strdup_printf ("%d", MAX (km, 0));
  GString *text = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append (text, " km");
  return g_string_free (text, FALSE);
}

static void
append_reservation (Sheet        *sheet,
                    GestStore    *store,
                    sqlite3_stmt *stmt)
{
  int starts = sqlite3_column_int (stmt, 2);
  const char *customer = (const char *) sqlite3_column_text (stmt, 3);
  const char *phone = (const char *) sqlite3_column_text (stmt, 4);
  const char *vehicle = (const char *) sqlite3_column_text (stmt, 5);
  const char *plate = (const char *) sqlite3_column_text (stmt, 6);
  int km = sqlite3_column_int (stmt, 7);
  const char *kind = (const char *) sqlite3_column_text (stmt, 8);
  const char *transport = (const char *) sqlite3_column_text (stmt, 9);
  const char *notes = (const char *) sqlite3_column_text (stmt, 10);
  const char *vehicle_uuid = (const char *) sqlite3_column_text (stmt, 11);
  const char *state = (const char *) sqlite3_column_text (stmt, 12);
  g_autofree char *actions = NULL;
  g_autofree char *line = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *km_text = NULL;

  if (vehicle_uuid != NULL)
    actions = gest_campaign_open_actions_text (store, vehicle_uuid, NULL);
  line = g_markup_printf_escaped ("<b>%02d:%02d</b>  <b>%s</b>%s%s  %s", starts / 60, starts % 60, customer,
                                  *phone != '\0' ? " · " : "", phone, state_label (state));
  km_text = format_km (km);
  detail = g_markup_printf_escaped ("%s%s%s%s · %s · %s · %s", vehicle, *plate != '\0' ? " (" : "", plate,
                                    *plate != '\0' ? ")" : "", km_text, kind_label (kind),
                                    g_strcmp0 (transport, "drops-off") == 0 ? _("Leaves the vehicle") : _("Waits"));
  if (sheet->n > 0)
    g_string_append (sheet->body, "\n\n");
  g_string_append_printf (sheet->body, "%s\n%s", line, detail);
  if (actions != NULL && *actions != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped ("\n<i>%s %s</i>", _("Open field actions:"), actions);

      g_string_append (sheet->body, text);
    }
  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped ("\n%s", notes);

      g_string_append (sheet->body, text);
    }
  sheet->n++;
}

GBytes *
gest_agenda_day_sheet_pdf (GestStore   *store,
                           const char  *day,
                           const char  *advisor_uuid,
                           GError     **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  g_autoptr(GestLetterHead) head = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree GestLetter *letters = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_free);
  Sheet *current = NULL;
  GDate date;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (day == NULL || !gest_date_from_iso (day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Choose the day of the sheet to print."));
      return NULL;
    }
  shown = gest_date_format (&date);
  /* Every advisor with a schedule or a reservation that day, so that an empty day prints too. */
  stmt = gest_store_prepare (store,
                             "WITH a (uuid) AS (SELECT advisor_uuid FROM agenda_schedules WHERE deleted = 0"
                             "   UNION SELECT advisor_uuid FROM reservations WHERE day = ?1 AND deleted = 0"
                             "   AND advisor_uuid IS NOT NULL)"
                             " SELECT u.uuid, u.name, r.starts_min, coalesce (nullif (c.name, ''), r.contact_name, ''),"
                             " coalesce (nullif (c.phone_mobile, ''), r.contact_phone, ''),"
                             " trim (coalesce (v.model, '') || ' ' || CASE WHEN coalesce (v.year, 0) > 0 THEN v.year ELSE '' END),"
                             " coalesce (v.plate, ''), coalesce (r.mileage_km, 0), coalesce (r.service_kind, ''),"
                             " coalesce (r.transport, ''), coalesce (r.notes, ''), r.vehicle_uuid, coalesce (r.state, '')"
                             " FROM a JOIN users u ON u.uuid = a.uuid"
                             " LEFT JOIN reservations r ON r.advisor_uuid = u.uuid AND r.day = ?1 AND r.deleted = 0"
                             "   AND r.state IN ('to-confirm', 'confirmed', 'arrived', 'in-workshop', 'delivered')"
                             " LEFT JOIN customers c ON c.uuid = r.customer_uuid"
                             " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid"
                             " WHERE ?2 IS NULL OR u.uuid = ?2"
                             " ORDER BY u.name, u.uuid, r.starts_min", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, advisor_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);

      if (current == NULL || g_strcmp0 (current->advisor_uuid, uuid) != 0)
        {
          current = g_new0 (Sheet, 1);
          current->advisor_uuid = g_strdup (uuid);
          current->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          current->body = g_string_new (NULL);
          g_ptr_array_add (sheets, current);
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        append_reservation (current, store, stmt);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  if (sheets->len == 0)
    {
      /* An advisor without schedule or reservations still gets a sheet that says so. */
      current = g_new0 (Sheet, 1);
      current->advisor_uuid = g_strdup (advisor_uuid != NULL ? advisor_uuid : "");
      current->advisor_name = g_strdup ("");
      current->body = g_string_new (NULL);
      g_ptr_array_add (sheets, current);
    }

  head = gest_letter_head_load (store);
  letters = g_new0 (GestLetter, sheets->len);
  for (guint i = 0; i < sheets->len; i++)
    {
      Sheet *sheet = g_ptr_array_index (sheets, i);

      if (sheet->n == 0)
        {
          g_autofree char *none = g_markup_escape_text (_("No reservations this day."), -1);

          g_string_append (sheet->body, none);
        }
      letters[i].head = head;
      letters[i].date = date;
      letters[i].recipient = sheet->advisor_name;
      g_ptr_array_add (subjects, g_strdup_printf (ngettext ("Service reservations of %s: %u",
                                                            "Service reservations of %s: %u", sheet->n),
                                                  shown, sheet->n));
      letters[i].subject = g_ptr_array_index (subjects, i);
      letters[i].body = sheet->body->str;
    }
  return gest_letter_pdf_render_many (letters, sheets->len, error);
}
