/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-agenda-page.h"
#include "gest-reservation-board-source.h"

G_BEGIN_DECLS

/* GestAgendaPage spans gest-agenda-page.c and gest-agenda-page-nav.c (the date navigation). */

/* Narrower than this, the day view shows one advisor at a time. */
#define NARROW_WIDTH 600

struct _GestAgendaPage
{
  GtkWidget           parent_instance;

  GtkWidget          *leaflet;       /* the only child: the views, a reservation's page */
  GtkWidget          *main_box;
  GtkWidget          *switcher;
  AdwViewStack       *stack;
  GtkWidget          *nav_box;
  GtkWidget          *range_button;  /* GtkMenuButton with the calendar */
  GtkCalendar        *calendar;
  GtkWidget          *move_button;
  GtkWidget          *advisor_dropdown;
  GestAgendaView     *week;
  GestAgendaView     *dayview;
  GtkLabel           *week_error;
  GtkLabel           *day_error;
  GestBoardPage      *board;
  GestSqlBoardSource *source;
  GtkWidget          *detail;
  GtkWidget          *dialog;        /* weak */
  GPtrArray          *advisors;      /* GestAgendaSchedule: the selector's, the day grid's */
  gboolean            board_stale;   /* the day changed while the board was hidden */
  gboolean            had_unassigned; /* the selector's list starts with "To assign" */
  gboolean            unassigned;    /* the selector starts with "To assign" */

  GestContext        *context;
  char               *day;
  gboolean            narrow;
  guint               narrow_idle;
};

/* gest-agenda-page.c */
void gest_agenda_page_show_day       (GestAgendaPage *self,
                                      const char     *day);
void gest_agenda_page_update_narrow  (GestAgendaPage *self);
void gest_agenda_page_move_toggled_cb (GestAgendaPage *self);

/* gest-agenda-page-nav.c */
void gest_agenda_page_build_nav      (GestAgendaPage *self);

G_END_DECLS
