/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-prefs-values"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-agenda-prefs-values.h"
#include "gest-agenda-text.h"

static const struct
{
  const char *key;
  const char *value;
} rules[GEST_AGENDA_N_RULES] = {
  { "agenda.confirm_cutoff", "17:00" },
  { "agenda.no_show_grace_minutes", "30" },
  { "agenda.next_day_hour", "16:00" },
  { "agenda.sessions_start", "09:00" },
  { "agenda.sessions_end", "18:00" },
  { "agenda.sessions_minutes", "30" },
};

const char *
gest_agenda_rule_key (GestAgendaRule rule)
{
  g_return_val_if_fail (rule < GEST_AGENDA_N_RULES, NULL);
  return rules[rule].key;
}

const char *
gest_agenda_rule_default (GestAgendaRule rule)
{
  g_return_val_if_fail (rule < GEST_AGENDA_N_RULES, NULL);
  return rules[rule].value;
}

static gboolean
minutes_parse (const char *text,
               guint64     min,
               guint64     max,
               guint64    *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return g_ascii_string_to_unsigned (copy, 10, min, max, out, NULL);
}

int
gest_agenda_rules_check (const char * const   texts[GEST_AGENDA_N_RULES],
                         char               **out_message)
{
  int minutes[GEST_AGENDA_N_RULES] = { 0 };
  guint64 n;

  g_return_val_if_fail (out_message != NULL, -1);

  *out_message = NULL;
  for (int i = 0; i < GEST_AGENDA_N_RULES; i++)
    {
      gboolean is_count = i == GEST_AGENDA_RULE_GRACE || i == GEST_AGENDA_RULE_SESSIONS_MINUTES;

      if (is_count)
        {
          if (!minutes_parse (texts[i], i == GEST_AGENDA_RULE_GRACE ? 0 : 5, 240, &n))
            {
              *out_message = g_strdup (i == GEST_AGENDA_RULE_GRACE
                                       ? _("The grace period must be a whole number of minutes from 0 to 240, such as 30.")
                                       : _("A session lasts a whole number of minutes from 5 to 240, such as 30."));
              return i;
            }
          minutes[i] = (int) n;
        }
      else if (!gest_agenda_time_parse (texts[i], &minutes[i]))
        {
          *out_message = g_strdup (_("Write the hour as hh:mm on a 24-hour clock, such as 17:00."));
          return i;
        }
    }
  if (minutes[GEST_AGENDA_RULE_SESSIONS_END] <= minutes[GEST_AGENDA_RULE_SESSIONS_START])
    {
      *out_message = g_strdup (_("The sessions must end after they start: change the end hour."));
      return GEST_AGENDA_RULE_SESSIONS_END;
    }
  return -1;
}

static gboolean
range_parse (const char *text,
             int        *out_from,
             int        *out_to)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", "-–", 2);

  return g_strv_length (parts) == 2 && gest_agenda_time_parse (parts[0], out_from) &&
         gest_agenda_time_parse (parts[1], out_to);
}

gboolean
gest_agenda_hours_parse (const char          *hours,
                         const char          *break_text,
                         const char          *slot,
                         const char          *capacity,
                         GestAgendaSchedule  *out,
                         char               **out_message)
{
  g_autofree char *brk = g_strstrip (g_strdup (break_text != NULL ? break_text : ""));
  guint64 n;

  g_return_val_if_fail (out != NULL && out_message != NULL, FALSE);

  *out_message = NULL;
  if (!range_parse (hours, &out->starts_min, &out->ends_min) || out->ends_min <= out->starts_min)
    {
      *out_message = g_strdup (_("Write the hours as start-end on a 24-hour clock, such as 08:00-18:00."));
      return FALSE;
    }
  out->break_starts_min = -1;
  out->break_ends_min = -1;
  if (brk[0] != '\0')
    {
      if (!range_parse (brk, &out->break_starts_min, &out->break_ends_min) ||
          out->break_ends_min <= out->break_starts_min ||
          out->break_starts_min < out->starts_min || out->break_ends_min > out->ends_min)
        {
          *out_message = g_strdup (_("Write the break as start-end inside the hours, such as 14:00-15:00, or leave it empty."));
          return FALSE;
        }
    }
  if (!minutes_parse (slot, 5, 240, &n))
    {
      *out_message = g_strdup (_("A slot lasts a whole number of minutes from 5 to 240, such as 30."));
      return FALSE;
    }
  out->slot_minutes = (int) n;
  if (!minutes_parse (capacity, 1, 20, &n))
    {
      *out_message = g_strdup (_("The capacity is how many cars the advisor receives per slot: a number from 1 to 20."));
      return FALSE;
    }
  out->capacity = (int) n;
  return TRUE;
}

char *
gest_agenda_hours_text (const GestAgendaSchedule *s)
{
  g_autofree char *from = gest_agenda_time_text (s->starts_min);
  g_autofree char *to = gest_agenda_time_text (s->ends_min);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s-%s", from, to);
  if (s->break_starts_min >= 0)
    {
      g_autofree char *bfrom = gest_agenda_time_text (s->break_starts_min);
      g_autofree char *bto = gest_agenda_time_text (s->break_ends_min);

      /* Translators: an advisor's break, after the hours. */
      g_string_append_printf (text, _(" · break %s-%s"), bfrom, bto);
    }
  /* Translators: the slot's length and the capacity, after the hours. */
  g_string_append_printf (text, _(" · %d min · %d per slot"), s->slot_minutes, s->capacity);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
block_row_free (gpointer data)
{
  GestAgendaBlockRow *block = data;

  g_free (block->uuid);
  g_free (block->advisor_name);
  g_free (block->day);
  g_free (block->reason);
  g_free (block);
}

static GPtrArray *
blocks_load (GestStore   *store,
             const char  *today,
             GError     **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT b.uuid, b.day, b.starts_min, b.ends_min, b.reason, COALESCE (u.name, '')"
                             " FROM agenda_blocks b LEFT JOIN users u ON u.uuid = b.advisor_uuid"
                             " WHERE b.deleted = 0 AND b.day >= ?1 ORDER BY b.day, b.starts_min LIMIT 200", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestAgendaBlockRow *block = g_new0 (GestAgendaBlockRow, 1);

      block->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      block->day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      block->starts_min = sqlite3_column_int (stmt, 2);
      block->ends_min = sqlite3_column_int (stmt, 3);
      block->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      block->advisor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (blocks, block);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&blocks);
}

GestAgendaPrefsData *
gest_agenda_prefs_data_load (GestStore   *store,
                             const char  *today,
                             GError     **error)
{
  g_autoptr(GestAgendaPrefsData) data = g_new0 (GestAgendaPrefsData, 1);

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
    {
      data->rules[i] = gest_store_get_setting (store, rules[i].key);
      if (data->rules[i] == NULL)
        data->rules[i] = g_strdup (rules[i].value);
    }
  data->advisors = gest_agenda_advisors (store, error);
  if (data->advisors == NULL)
    return NULL;
  data->schedules = gest_agenda_schedules (store, error);
  if (data->schedules == NULL)
    return NULL;
  data->blocks = blocks_load (store, today, error);
  if (data->blocks == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

void
gest_agenda_prefs_data_free (GestAgendaPrefsData *data)
{
  for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
    g_free (data->rules[i]);
  g_clear_pointer (&data->advisors, g_ptr_array_unref);
  g_clear_pointer (&data->schedules, g_ptr_array_unref);
  g_clear_pointer (&data->blocks, g_ptr_array_unref);
  g_free (data);
}
