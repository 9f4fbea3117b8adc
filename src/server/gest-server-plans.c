/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-server"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-money.h"
#include "gest-server-db.h"
#include "gest-server-plans.h"
#include "gest-server-records.h"

static const char * const columns[] = {
  "number", "balance", "overdue", "installment", "life_insurance", "as_of",
};

GStrv
gest_csv_split_line (const char *line)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const char *p = line;

  g_return_val_if_fail (line != NULL, NULL);
  builder = g_strv_builder_new ();

  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          if (*p != ',' && *p != '\0')
            return NULL;
        }
      else
        {
          while (*p != ',' && *p != '\0')
            g_string_append_c (field, *p++);
        }
      g_strv_builder_add (builder, g_strstrip (field->str));
      if (*p == '\0')
        break;
      p++;   /* the comma */
    }
  return g_strv_builder_end (builder);
}

/* One row's fields, or NULL with an error naming the line. */
static JsonObject *
parse_row (GStrv        cells,
           guint        line_no,
           GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  if (g_strv_length (cells) != G_N_ELEMENTS (columns))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Line %u has %u columns; the file needs %u: number, balance, overdue, installment, life_insurance, as_of."),
                   line_no, g_strv_length (cells), (guint) G_N_ELEMENTS (columns));
      return NULL;
    }
  if (cells[0][0] == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Line %u has no plan number."), line_no);
      return NULL;
    }
  json_object_set_string_member (fields, "number", cells[0]);
  for (guint i = 1; i <= 4; i++)
    {
      GestMoney amount = 0;

      if (!gest_money_parse (cells[i], &amount, &local_error))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Line %u, %s: %s"), line_no, columns[i],
                       local_error->message);
          return NULL;
        }
      if (amount < 0 || (i == 3 && amount == 0))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       i == 3 ? _("Line %u, %s: the installment must be more than zero.")
                              : _("Line %u, %s: the amount cannot be negative."),
                       line_no, columns[i]);
          return NULL;
        }
      json_object_set_int_member (fields, columns[i], amount);
    }
  if (!gest_date_parse (cells[5], &date, &local_error))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Line %u, as_of: %s"), line_no, local_error->message);
      return NULL;
    }
  iso = gest_date_to_iso (&date);
  json_object_set_string_member (fields, "as_of", iso);
  return g_steal_pointer (&fields);
}

static gboolean
load_rows (PGconn      *conn,
           const char  *dealer_id,
           GStrv        lines,
           guint       *loaded,
           guint       *created,
           GError     **error)
{
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autoptr(JsonObject) fields = NULL;
      g_autoptr(PGresult) res = NULL;
      g_autofree char *uuid = NULL;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      cells = gest_csv_split_line (lines[i]);
      if (cells == NULL)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("Line %u has an unclosed quote."), i + 1);
          return FALSE;
        }
      fields = parse_row (cells, i + 1, error);
      if (fields == NULL)
        return FALSE;

      res = gest_pg_query (conn, error,
                           "SELECT uuid FROM records WHERE dealer_id = $1 AND entity = 'plan'"
                           " AND data ->> 'number' = $2 ORDER BY deleted, version DESC LIMIT 1",
                           2, dealer_id, cells[0]);
      if (res == NULL)
        return FALSE;
      if (PQntuples (res) == 1)
        uuid = g_strdup (PQgetvalue (res, 0, 0));
      else
        {
          uuid = g_uuid_string_random ();
          (*created)++;
        }
      if (gest_record_write_server (conn, dealer_id, "plan", uuid, fields, error) == 0)
        return FALSE;
      (*loaded)++;
    }
  return TRUE;
}

gboolean
gest_server_load_plans (PGconn      *conn,
                        const char  *dealer_id,
                        const char  *path,
                        guint       *out_loaded,
                        guint       *out_created,
                        GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *body;
  const char *start;

  *out_loaded = *out_created = 0;
  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("Cannot read %s: %s"), path, local_error->message);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("%s is not UTF-8 text: save the CSV as UTF-8."), path);
      return FALSE;
    }
  /* An empty file has no line at all (#16.9): say so rather than read a header that is not
   * there. A UTF-8 byte order mark (spreadsheets write one) is not part of the header. */
  body = g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text;
  for (start = body; g_ascii_isspace (*start); start++)
    ;
  if (*start == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("%s is empty: a plans file starts with the header number,balance,overdue,installment,life_insurance,as_of and has one plan a line."),
                   path);
      return FALSE;
    }
  lines = g_strsplit (body, "\n", -1);
  g_strchomp (lines[0]);
  header = gest_csv_split_line (lines[0]);
  if (header == NULL || g_strv_length (header) != G_N_ELEMENTS (columns))
    goto bad_header;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (!g_str_equal (header[i], columns[i]))
      goto bad_header;

  if (!gest_pg_begin_dealer (conn, dealer_id, error))
    return FALSE;
  {
    g_autoptr(PGresult) res = gest_pg_query (conn, error, "SELECT 1 FROM dealers WHERE id = $1", 1, dealer_id);

    if (res == NULL)
      return FALSE;
    if (PQntuples (res) == 0)
      {
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("There is no dealer %s: create it with gestiona-server admin create-dealer."), dealer_id);
        return FALSE;
      }
  }
  if (!load_rows (conn, dealer_id, lines, out_loaded, out_created, error))
    {
      g_prefix_error (error, "%s: ", path);
      *out_loaded = *out_created = 0;
      return FALSE;
    }
  return gest_pg_commit (conn, error);

bad_header:
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("%s: the first line must be the header number,balance,overdue,installment,life_insurance,as_of."),
               path);
  return FALSE;
}
