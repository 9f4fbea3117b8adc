/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-agenda-schedule.h"
#include "gest-reservation.h"

G_BEGIN_DECLS

/* What the week and day views draw (S12; issue 15), computed once per range on a thread (GLib
 * only): the columns (per day, "To assign" first when web bookings without advisor fall on it,
 * then every advisor), each with its slots (hours, break and blocked time, room) and the
 * reservations that start on it, each in its lane of its slot. The view draws only the
 * columns and rows in sight from this. */

typedef struct
{
  int                    lane;       /* 0-based among the reservations of its slot */
  int                    lanes;      /* max (capacity, reservations in the slot) */
} GestAgendaLane;

typedef struct
{
  char                  *advisor_uuid;   /* NULL: the "To assign" column */
  char                  *advisor_name;   /* borrowed from the grid's advisors */
  char                  *day;            /* yyyy-mm-dd */
  int                    slot_minutes;   /* 30 unless the schedule says otherwise */
  int                    capacity;
  GPtrArray             *slots;          /* GestAgendaSlot, borrowed, by time */
  GPtrArray             *reservations;   /* GestReservation, borrowed, by time */
  GArray                *lanes;          /* GestAgendaLane, parallel to reservations */
} GestAgendaColumn;

typedef struct
{
  char                  *from_day;
  guint                  n_days;
  GPtrArray             *columns;        /* GestAgendaColumn */
  int                    first_min;      /* the earliest hour any column works, on the hour */
  int                    last_min;       /* the latest end, on the hour */
  int                    step_min;       /* the shortest slot: one row */
  guint                  n_reservations;
  /* Owned data the columns borrow from. */
  GPtrArray             *advisors;
  GHashTable            *slots;
  GPtrArray             *reservations;
} GestAgendaGrid;

/* Takes @advisors (GestAgendaSchedule), @slots (gest_agenda_slots_range()) and @reservations
 * (gest_reservations_list_range()); refused and cancelled reservations are left out. */
GestAgendaGrid   *gest_agenda_grid_new          (GPtrArray       *advisors,
                                                 GHashTable      *slots,
                                                 GPtrArray       *reservations,
                                                 const char      *from_day,
                                                 guint            n_days);
/* The range's data read from @store (a read-only connection on a thread) and arranged. */
GestAgendaGrid   *gest_agenda_grid_load         (GestStore       *store,
                                                 const char      *from_day,
                                                 guint            n_days,
                                                 gint64           now,
                                                 GError         **error);
void              gest_agenda_grid_free         (GestAgendaGrid  *grid);

/* The column of @advisor_uuid (NULL: "To assign") on @day, or -1. */
int               gest_agenda_grid_find_column  (const GestAgendaGrid *grid,
                                                 const char           *advisor_uuid,
                                                 const char           *day);
/* The slot of @column that contains @minute, or NULL (outside the hours). */
GestAgendaSlot   *gest_agenda_column_slot_at    (const GestAgendaColumn *column,
                                                 int                     minute);
/* The start of the slot row that contains @minute in @column (its own slot length). */
int               gest_agenda_column_snap       (const GestAgendaColumn *column,
                                                 int                     minute);
/* The @lane-th reservation starting in the slot of @column at @minute, or NULL; @out_n the
 * number there. */
GestReservation  *gest_agenda_column_reservation_at (const GestAgendaColumn *column,
                                                     int                     minute,
                                                     int                     lane,
                                                     int                    *out_n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAgendaGrid, gest_agenda_grid_free)

G_END_DECLS
