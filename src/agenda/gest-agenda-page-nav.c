/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-page-private.h"
#include "gest-date.h"

/* The page's date navigation: previous, today, next, the calendar popover, move mode, the new
 * reservation button (and the advisor selector the day view shows when narrow). */

static void
step_day (GestAgendaPage *self,
          int             sign)
{
  GDate date;
  g_autofree char *day = NULL;
  int step = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "week") == 0 ? 7 : 1;

  if (!gest_date_from_iso (self->day, &date))
    gest_date_today (&date);
  if (sign > 0)
    g_date_add_days (&date, step);
  else
    g_date_subtract_days (&date, step);
  day = gest_date_to_iso (&date);
  gest_agenda_page_show_day (self, day);
}


static void
previous_cb (GestAgendaPage *self)
{
  step_day (self, -1);
}


static void
next_cb (GestAgendaPage *self)
{
  step_day (self, 1);
}


static void
today_cb (GestAgendaPage *self)
{
  GDate date;
  g_autofree char *day = NULL;

  gest_date_today (&date);
  day = gest_date_to_iso (&date);
  gest_agenda_page_show_day (self, day);
}


static void
calendar_day_cb (GestAgendaPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (dt, "%Y-%m-%d");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->range_button));
  gest_agenda_page_show_day (self, day);
}


static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}


void
gest_agenda_page_build_nav (GestAgendaPage *self)
{
  GtkWidget *previous = icon_button ("go-previous-symbolic", _("Previous"));
  GtkWidget *next = icon_button ("go-next-symbolic", _("Next"));
  GtkWidget *today = icon_button ("find-location-symbolic", _("Today"));
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *new_button = icon_button ("list-add-symbolic", _("New Reservation"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* No spacing and small margins: in the window's stack the row must fit 360 px with the
   * week's label and every button (the window's minimum is its widest section's). */
  self->nav_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  gtk_widget_set_margin_start (self->nav_box, 3);
  gtk_widget_set_margin_end (self->nav_box, 3);
  gtk_widget_set_margin_bottom (self->nav_box, 6);
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (previous_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_cb), self);
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (today_cb), self);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (calendar_day_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->range_button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->range_button), popover);
  gtk_widget_set_tooltip_text (self->range_button, _("Choose a day"));
  self->move_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->move_button), "go-jump-symbolic");
  gtk_widget_set_tooltip_text (self->move_button,
                               _("Move mode: the arrow keys move the focused reservation (also Alt+arrows)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->move_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move"), -1);
  g_signal_connect_swapped (self->move_button, "toggled", G_CALLBACK (gest_agenda_page_move_toggled_cb), self);
  self->advisor_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_tooltip_text (self->advisor_dropdown, _("Service advisor shown"));
  gtk_widget_set_visible (self->advisor_dropdown, FALSE);
  g_signal_connect_swapped (self->advisor_dropdown, "notify::selected", G_CALLBACK (gest_agenda_page_update_narrow), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "agenda.new");
  gtk_widget_set_hexpand (spacer, TRUE);

  gtk_box_append (GTK_BOX (linked), previous);
  gtk_box_append (GTK_BOX (linked), today);
  gtk_box_append (GTK_BOX (linked), next);
  gtk_box_append (GTK_BOX (self->nav_box), linked);
  gtk_box_append (GTK_BOX (self->nav_box), self->range_button);
  gtk_box_append (GTK_BOX (self->nav_box), spacer);
  gtk_box_append (GTK_BOX (self->nav_box), self->move_button);
  gtk_box_append (GTK_BOX (self->nav_box), new_button);
}

