/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-agenda-view.h"

G_BEGIN_DECLS

/* GestAgendaView spans gest-agenda-view.c (data, loads, geometry), gest-agenda-view-input.c
 * (focus, keys, clicks, moves) and gest-agenda-view-draw.c (the snapshot of what is in sight,
 * the clock that makes slots past). */

#define HEADER_H    44
#define GUTTER_W    56
#define COLUMN_W    150
#define MIN_COL_W   120
#define PX_PER_MIN  1.6

typedef struct _GestAgendaReader GestAgendaReader;

struct _GestAgendaView
{
  GtkWidget           parent_instance;

  GestContext        *context;
  GestStore          *store;         /* the context's */
  GestAgendaViewMode  mode;
  char               *day;           /* the chosen day, yyyy-mm-dd */
  char               *advisor;       /* the filter, or NULL */
  GestAgendaGrid     *grid;
  GArray             *shown;         /* guint: the grid's columns drawn, in order */
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               move_mode : 1;
  guint               loading : 1;
  guint               stale : 1;     /* a day set while out of sight */
  GestAgendaReader   *reader;
  int                 cursor_col;    /* index into shown */
  int                 cursor_min;
  int                 cursor_lane;
  char               *refocus;       /* the reservation moved: the focus follows it */
  char               *error;
  gint64              now;
  char                today[16];     /* the clock's day, yyyy-mm-dd, read once a frame */
  int                 past_before;   /* its minute: the slots of today starting before it are past */
  guint               minute_timer;  /* redraws as slots pass into the past */
  guint               load_idle;     /* the range read once the view is on screen */
  guint               serial;
  GCancellable       *cancellable;
  PangoLayout        *layout;
  PangoLayout        *bold_layout;
  PangoLayout        *free_layouts[21];   /* "N free" by room, capacity ≤ 20 */
};

/* gest-agenda-view.c */
GestAgendaColumn *gest_agenda_view_shown_column       (GestAgendaView *self,
                                                      int             index);
double            gest_agenda_view_column_width       (GestAgendaView *self);
double            gest_agenda_view_y_of_minute        (GestAgendaView *self,
                                                      int             minute);
double            gest_agenda_view_x_of_column        (GestAgendaView *self,
                                                      int             index);
GestReservation  *gest_agenda_view_focused_reservation (GestAgendaView *self);
void              gest_agenda_view_set_error          (GestAgendaView *self,
                                                      const char     *message);
void              gest_agenda_view_emit_slot          (GestAgendaView *self,
                                                      const char     *advisor_uuid,
                                                      const char     *day,
                                                      int             starts_min);
void              gest_agenda_view_emit_reservation   (GestAgendaView *self,
                                                      const char     *uuid);

/* gest-agenda-view-input.c */
void              gest_agenda_view_input_class_init   (GtkWidgetClass *widget_class);
void              gest_agenda_view_input_init         (GestAgendaView *self);
void              gest_agenda_view_scroll_to_cursor   (GestAgendaView *self);
void              gest_agenda_view_announce_focus     (GestAgendaView *self);

/* gest-agenda-view-draw.c */
void              gest_agenda_view_draw               (GestAgendaView *self,
                                                      GtkSnapshot    *snapshot);
/* The moment judged at: the one set for the tests, or now. */
gint64            gest_agenda_view_now                (GestAgendaView *self);
/* Reads the clock into today and past_before (once a frame, and before a slot is judged). */
void              gest_agenda_view_read_clock         (GestAgendaView *self);
/* Whether @slot of @column starts before the clock read last. */
gboolean          gest_agenda_view_slot_is_past       (GestAgendaView         *self,
                                                      const GestAgendaColumn *column,
                                                      const GestAgendaSlot   *slot);

G_END_DECLS
