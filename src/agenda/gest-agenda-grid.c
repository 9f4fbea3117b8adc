/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-grid"

#include "config.h"

#include "gest-agenda-grid.h"
#include "gest-date.h"

static void
column_free (GestAgendaColumn *column)
{
  g_free (column->advisor_uuid);
  g_free (column->day);
  g_ptr_array_unref (column->slots);
  g_ptr_array_unref (column->reservations);
  g_array_unref (column->lanes);
  g_free (column);
}

static GestAgendaColumn *
column_new (const char *advisor_uuid,
            const char *advisor_name,
            const char *day)
{
  GestAgendaColumn *column = g_new0 (GestAgendaColumn, 1);

  column->advisor_uuid = g_strdup (advisor_uuid);
  column->advisor_name = (char *) advisor_name;
  column->day = g_strdup (day);
  column->slot_minutes = 30;
  column->capacity = 1;
  column->slots = g_ptr_array_new ();
  column->reservations = g_ptr_array_new ();
  column->lanes = g_array_new (FALSE, TRUE, sizeof (GestAgendaLane));
  return column;
}

static int
slot_start_cmp (gconstpointer a,
                gconstpointer b)
{
  const GestAgendaSlot *x = *(GestAgendaSlot * const *) a;
  const GestAgendaSlot *y = *(GestAgendaSlot * const *) b;

  return x->starts_min - y->starts_min;
}

/* Each reservation's lane among those starting in the same slot of its column. */
static void
column_arrange (GestAgendaColumn *column)
{
  guint i = 0;

  g_array_set_size (column->lanes, column->reservations->len);
  while (i < column->reservations->len)
    {
      GestReservation *first = g_ptr_array_index (column->reservations, i);
      int start = gest_agenda_column_snap (column, first->starts_min);
      guint j = i;
      int lanes;

      while (j < column->reservations->len
             && gest_agenda_column_snap (column, ((GestReservation *) g_ptr_array_index (column->reservations, j))->starts_min) == start)
        j++;
      lanes = MAX ((int) (j - i), column->advisor_uuid != NULL ? column->capacity : 1);
      for (guint k = i; k < j; k++)
        {
          GestAgendaLane *lane = &g_array_index (column->lanes, GestAgendaLane, k);

          lane->lane = (int) (k - i);
          lane->lanes = lanes;
        }
      i = j;
    }
}

GestAgendaGrid *
gest_agenda_grid_new (GPtrArray  *advisors,
                      GHashTable *slots,
                      GPtrArray  *reservations,
                      const char *from_day,
                      guint       n_days)
{
  GestAgendaGrid *grid = g_new0 (GestAgendaGrid, 1);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate date;
  int first = 24 * 60, last = 0, step = 60;

  g_return_val_if_fail (advisors != NULL && slots != NULL && reservations != NULL, grid);

  grid->advisors = advisors;
  grid->slots = slots;
  grid->reservations = reservations;
  grid->from_day = g_strdup (from_day);
  grid->n_days = n_days;
  grid->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);

  if (!gest_date_from_iso (from_day, &date))
    g_date_set_dmy (&date, 1, 1, 2000);
  for (guint d = 0; d < n_days; d++, g_date_add_days (&date, 1))
    {
      g_autofree char *day = gest_date_to_iso (&date);
      GPtrArray *day_slots = g_hash_table_lookup (slots, day);
      gboolean unassigned = FALSE;

      for (guint i = 0; i < reservations->len && !unassigned; i++)
        {
          GestReservation *r = g_ptr_array_index (reservations, i);

          unassigned = r->advisor_uuid == NULL && g_strcmp0 (r->day, day) == 0
                       && r->state != GEST_RESERVATION_REFUSED && r->state != GEST_RESERVATION_CANCELLED;
        }
      if (unassigned)
        {
          GestAgendaColumn *column = column_new (NULL, NULL, day);

          g_hash_table_insert (by_key, g_strconcat (day, "/", NULL), column);
          g_ptr_array_add (grid->columns, column);
        }
      for (guint a = 0; a < advisors->len; a++)
        {
          GestAgendaSchedule *advisor = g_ptr_array_index (advisors, a);
          GestAgendaColumn *column = column_new (advisor->advisor_uuid, advisor->advisor_name, day);

          g_ptr_array_add (grid->columns, column);
          g_hash_table_insert (by_key, g_strconcat (day, "/", advisor->advisor_uuid, NULL), column);
        }
      for (guint i = 0; day_slots != NULL && i < day_slots->len; i++)
        {
          GestAgendaSlot *slot = g_ptr_array_index (day_slots, i);
          g_autofree char *key = g_strconcat (day, "/", slot->advisor_uuid, NULL);
          GestAgendaColumn *column = g_hash_table_lookup (by_key, key);

          if (column != NULL)
            g_ptr_array_add (column->slots, slot);
        }
    }
  for (guint c = 0; c < grid->columns->len; c++)
    {
      GestAgendaColumn *column = g_ptr_array_index (grid->columns, c);

      g_ptr_array_sort (column->slots, slot_start_cmp);
      if (column->slots->len >= 2)
        {
          GestAgendaSlot *a = g_ptr_array_index (column->slots, 0);
          GestAgendaSlot *b = g_ptr_array_index (column->slots, 1);

          column->slot_minutes = MAX (b->starts_min - a->starts_min, 5);
        }
      if (column->slots->len > 0)
        {
          GestAgendaSlot *a = g_ptr_array_index (column->slots, 0);
          GestAgendaSlot *z = g_ptr_array_index (column->slots, column->slots->len - 1);

          column->capacity = MAX (a->capacity, 1);
          first = MIN (first, a->starts_min);
          last = MAX (last, z->starts_min + column->slot_minutes);
          step = MIN (step, column->slot_minutes);
        }
    }
  for (guint i = 0; i < reservations->len; i++)
    {
      GestReservation *r = g_ptr_array_index (reservations, i);
      g_autofree char *key = NULL;
      GestAgendaColumn *column;

      if (r->state == GEST_RESERVATION_REFUSED || r->state == GEST_RESERVATION_CANCELLED)
        continue;
      /* A booking without advisor: "day/", the "To assign" column's key. */
      key = g_strconcat (r->day, "/", r->advisor_uuid, NULL);
      column = g_hash_table_lookup (by_key, key);
      if (column == NULL)
        continue;
      g_ptr_array_add (column->reservations, r);
      grid->n_reservations++;
      first = MIN (first, r->starts_min);
      last = MAX (last, r->starts_min + MAX (r->duration_min, 30));
    }
  for (guint c = 0; c < grid->columns->len; c++)
    column_arrange (g_ptr_array_index (grid->columns, c));
  if (first >= last)
    {
      first = 8 * 60;
      last = 18 * 60;
    }
  grid->first_min = (first / 60) * 60;
  grid->last_min = MIN (((last + 59) / 60) * 60, 24 * 60);
  grid->step_min = MAX (step, 5);
  return grid;
}

GestAgendaGrid *
gest_agenda_grid_load (GestStore   *store,
                       const char  *from_day,
                       guint        n_days,
                       gint64       now,
                       GError     **error)
{
  g_autoptr(GPtrArray) advisors = NULL;
  g_autoptr(GHashTable) slots = NULL;
  g_autoptr(GPtrArray) reservations = NULL;
  g_autofree char *to_day = NULL;
  GDate date;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  if (!gest_date_from_iso (from_day, &date))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, "Not a day: %s", from_day);
      return NULL;
    }
  g_date_add_days (&date, MAX (n_days, 1) - 1);
  to_day = gest_date_to_iso (&date);
  advisors = gest_agenda_advisors (store, error);
  if (advisors == NULL)
    return NULL;
  slots = gest_agenda_slots_range (store, from_day, to_day, error);
  if (slots == NULL)
    return NULL;
  reservations = gest_reservations_list_range (store, from_day, to_day, now, error);
  if (reservations == NULL)
    return NULL;
  return gest_agenda_grid_new (g_steal_pointer (&advisors), g_steal_pointer (&slots),
                               g_steal_pointer (&reservations), from_day, n_days);
}

void
gest_agenda_grid_free (GestAgendaGrid *grid)
{
  if (grid == NULL)
    return;
  g_clear_pointer (&grid->columns, g_ptr_array_unref);
  g_clear_pointer (&grid->advisors, g_ptr_array_unref);
  g_clear_pointer (&grid->slots, g_hash_table_unref);
  g_clear_pointer (&grid->reservations, g_ptr_array_unref);
  g_free (grid->from_day);
  g_free (grid);
}

int
gest_agenda_grid_find_column (const GestAgendaGrid *grid,
                              const char           *advisor_uuid,
                              const char           *day)
{
  g_return_val_if_fail (grid != NULL, -1);

  for (guint c = 0; c < grid->columns->len; c++)
    {
      GestAgendaColumn *column = g_ptr_array_index (grid->columns, c);

      if (g_strcmp0 (column->advisor_uuid, advisor_uuid) == 0 && g_strcmp0 (column->day, day) == 0)
        return (int) c;
    }
  return -1;
}

GestAgendaSlot *
gest_agenda_column_slot_at (const GestAgendaColumn *column,
                            int                     minute)
{
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < column->slots->len; i++)
    {
      GestAgendaSlot *slot = g_ptr_array_index (column->slots, i);

      if (minute >= slot->starts_min && minute < slot->starts_min + column->slot_minutes)
        return slot;
    }
  return NULL;
}

int
gest_agenda_column_snap (const GestAgendaColumn *column,
                         int                     minute)
{
  GestAgendaSlot *slot = gest_agenda_column_slot_at (column, minute);

  if (slot != NULL)
    return slot->starts_min;
  return minute - (minute % MAX (column->slot_minutes, 5));
}

GestReservation *
gest_agenda_column_reservation_at (const GestAgendaColumn *column,
                                   int                     minute,
                                   int                     lane,
                                   int                    *out_n)
{
  GestReservation *found = NULL;
  int start = gest_agenda_column_snap (column, minute);
  int n = 0;

  for (guint i = 0; i < column->reservations->len; i++)
    {
      GestReservation *r = g_ptr_array_index (column->reservations, i);

      if (gest_agenda_column_snap (column, r->starts_min) != start)
        continue;
      if (n == lane)
        found = r;
      n++;
    }
  if (out_n != NULL)
    *out_n = n;
  return found;
}
