/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-view"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "gest-agenda-view-private.h"
#include "gest-date.h"
#include "gest-reservation-private.h"

/* The snapshot of the agenda: only the columns and rows in sight are drawn, so a week of 12
 * advisors costs the same as a day of two. Fills are translucent over the theme's background,
 * so they work on light and dark styles; the reservations' own colors carry dark text. */

static const GdkRGBA state_colors[GEST_N_RESERVATION_STATES] = {
  { 0.976, 0.882, 0.408, 1 },   /* to confirm: yellow */
  { 0.600, 0.757, 0.945, 1 },   /* confirmed: blue */
  { 0.561, 0.941, 0.643, 1 },   /* arrived: green */
  { 0.863, 0.541, 0.867, 1 },   /* in the workshop: purple */
  { 0.753, 0.749, 0.737, 1 },   /* delivered: grey */
  { 0.976, 0.722, 0.690, 1 },   /* no-show: light red */
  { 0.5, 0.5, 0.5, 1 },
  { 0.5, 0.5, 0.5, 1 },
};

static const GdkRGBA card_text = { 0.11, 0.11, 0.11, 1 };
static const GdkRGBA late_red = { 0.875, 0.106, 0.141, 1 };
static const GdkRGBA today_amber = { 0.851, 0.427, 0.012, 1 };
static const GdkRGBA free_fill = { 0.180, 0.761, 0.494, 0.14 };
static const GdkRGBA full_fill = { 0.5, 0.5, 0.5, 0.10 };
static const GdkRGBA off_fill = { 0.5, 0.5, 0.5, 0.28 };
static const GdkRGBA blocked_fill = { 0.5, 0.5, 0.5, 0.42 };
static const GdkRGBA past_fill = { 0.5, 0.5, 0.5, 0.20 };
static const GdkRGBA focus_ring = { 0.208, 0.518, 0.894, 1 };

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         x,
      double         y,
      double         w,
      double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
outline (GtkSnapshot   *snapshot,
         const GdkRGBA *color,
         double         x,
         double         y,
         double         w,
         double         h,
         double         width)
{
  GskRoundedRect rect;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), 0);
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

/* One line of text at (@x, @y), cut at @width. Clipped rather than ellipsized: shaping the
 * text once is what a frame of a week can afford (an ellipsis shapes it again). */
static void
text (GestAgendaView *self,
      GtkSnapshot    *snapshot,
      const char     *line,
      const GdkRGBA  *color,
      double          x,
      double          y,
      double          width,
      gboolean        bold)
{
  PangoLayout *layout = bold ? self->bold_layout : self->layout;
  glong fits = (glong) (width / 3);   /* no glyph of the UI font is narrower than 3 px */
  const char *end = line;

  if (width < 8)
    return;
  /* Only what can show is shaped: a week shapes some 600 lines in its first frame. */
  for (glong n = 0; *end != '\0' && n < fits; n++)
    end = g_utf8_next_char (end);
  pango_layout_set_text (layout, line, (int) (end - line));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, y, width, 18));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static char *
free_label (int room)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d free", "%d free", room), room);
}

/* The room a slot's cell shows as "N free": none when past, blocked, taken or full. */
static int
slot_free_room (GestAgendaView         *self,
                const GestAgendaColumn *column,
                const GestAgendaSlot   *slot)
{
  int room = slot->capacity - slot->taken;

  if (slot->blocked || slot->taken > 0 || room <= 0 || room >= (int) G_N_ELEMENTS (self->free_layouts)
      || gest_agenda_view_slot_is_past (self, column, slot))
    return 0;
  return room;
}

static void
ensure_layouts (GestAgendaView *self)
{
  PangoAttrList *attrs;

  if (self->layout != NULL)
    return;
  attrs = pango_attr_list_new ();
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->bold_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (self->bold_layout, attrs);
  pango_attr_list_unref (attrs);
}

/* The first frame, before the range arrives from its thread: the header, the hours of a
 * usual day and its rows, and the loading state. */
static void
draw_loading (GestAgendaView *self,
              GtkSnapshot    *snapshot,
              const GdkRGBA  *fg,
              const GdkRGBA  *bg,
              const GdkRGBA  *line)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRGBA row = *fg;

  row.alpha = 0.12;
  fill (snapshot, bg, 0, 0, width, HEADER_H);
  fill (snapshot, bg, 0, HEADER_H, GUTTER_W, MAX (height - HEADER_H, 0));
  text (self, snapshot, _("Loading…"), fg, GUTTER_W + 6, 13, MAX (width - GUTTER_W - 12, 0), FALSE);
  for (int m = 8 * 60; m < 18 * 60; m += 30)
    {
      double y = HEADER_H + (m - 8 * 60) * PX_PER_MIN;

      if (y > height)
        break;
      fill (snapshot, &row, GUTTER_W, y, MAX (width - GUTTER_W, 0), 1);
      if (m % 60 == 0)
        {
          char hour[8];

          g_snprintf (hour, sizeof hour, "%02d:00", m / 60);
          text (self, snapshot, hour, fg, 6, y + 2, GUTTER_W - 10, FALSE);
        }
    }
  fill (snapshot, line, 0, HEADER_H - 1, width, 1);
  fill (snapshot, line, GUTTER_W - 1, HEADER_H, 1, MAX (height - HEADER_H, 0));
}

static void
draw_reservation (GestAgendaView         *self,
                  GtkSnapshot            *snapshot,
                  const GestAgendaColumn *column,
                  const GestReservation  *r,
                  const GestAgendaLane   *lane,
                  double                  x,
                  double                  w,
                  gboolean                focused)
{
  double lane_w = (w - 4) / lane->lanes;
  double rx = x + 2 + lane->lane * lane_w;
  double ry = gest_agenda_view_y_of_minute (self, r->starts_min) + 1;
  double rh = MAX (r->duration_min, column->slot_minutes) * PX_PER_MIN - 2;
  g_autofree char *first = g_strdup_printf ("%02d:%02d %s", r->starts_min / 60, r->starts_min % 60,
                                            r->customer_name != NULL ? r->customer_name : "");
  const char *flag = NULL;
  const GdkRGBA *flag_color = &late_red;
  double line_y = ry + 2;

  fill (snapshot, &state_colors[r->is_no_show ? GEST_RESERVATION_NO_SHOW : r->state], rx, ry, lane_w - 2, rh);
  if (r->state == GEST_RESERVATION_TO_CONFIRM)
    {
      /* S7: red once past the cutoff hour of its day; amber while it is still to be done today. */
      if (r->confirm_late)
        flag = _("Late");
      else
        {
          flag = _("Confirm today");
          flag_color = &today_amber;
        }
      outline (snapshot, flag_color, rx, ry, lane_w - 2, rh, 2);
    }
  text (self, snapshot, first, &card_text, rx + 4, line_y, lane_w - 10, TRUE);
  line_y += 16;
  /* The flag before the vehicle: a slot's height has room for two lines. */
  if (flag != NULL && line_y + 14 < ry + rh)
    {
      text (self, snapshot, flag, flag_color, rx + 4, line_y, lane_w - 10, TRUE);
      line_y += 16;
    }
  if (line_y + 14 < ry + rh && r->vehicle_label != NULL)
    text (self, snapshot, r->vehicle_label, &card_text, rx + 4, line_y, lane_w - 10, FALSE);
  if (focused)
    outline (snapshot, &focus_ring, rx - 1, ry - 1, lane_w, rh + 2, 3);
}

static void
draw_column (GestAgendaView   *self,
             GtkSnapshot      *snapshot,
             int               index,
             double            top,
             double            bottom,
             const GdkRGBA    *fg,
             gboolean          has_focus)
{
  GestAgendaColumn *column = gest_agenda_view_shown_column (self, index);
  double x = gest_agenda_view_x_of_column (self, index);
  double w = gest_agenda_view_column_width (self);
  double slot_h = column->slot_minutes * PX_PER_MIN;
  GestReservation *focused = has_focus ? gest_agenda_view_focused_reservation (self) : NULL;
  GdkRGBA line = *fg;

  line.alpha = 0.12;
  /* Outside the hours first; the slots are drawn over it. */
  if (column->advisor_uuid != NULL)
    fill (snapshot, &off_fill, x, top, w, bottom - top);
  for (guint i = 0; i < column->slots->len; i++)
    {
      GestAgendaSlot *slot = g_ptr_array_index (column->slots, i);
      double y = gest_agenda_view_y_of_minute (self, slot->starts_min);
      int room = slot->capacity - slot->taken;

      if (y + slot_h < top || y > bottom)
        continue;
      if (slot->blocked)
        {
          fill (snapshot, &blocked_fill, x, y, w, slot_h);
          continue;
        }
      /* S12: the past is shaded and offers nothing, whatever room it had. */
      if (gest_agenda_view_slot_is_past (self, column, slot))
        {
          fill (snapshot, &past_fill, x, y, w, slot_h);
          continue;
        }
      fill (snapshot, room > 0 ? &free_fill : &full_fill, x, y, w, slot_h);
      if (slot_free_room (self, column, slot) > 0)
        {
          GdkRGBA dim = *fg;

          /* One shaped "2 free" for every slot that shows it. */
          if (self->free_layouts[room] == NULL)
            {
              g_autofree char *label = free_label (room);

              self->free_layouts[room] = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
            }
          dim.alpha = 0.55;
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + 6, y + slot_h - 18, MAX (w - 12, 0), 18));
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + slot_h - 18));
          gtk_snapshot_append_layout (snapshot, self->free_layouts[room], &dim);
          gtk_snapshot_restore (snapshot);
          gtk_snapshot_pop (snapshot);
        }
    }
  /* Row lines every slot, a column line at the right. */
  for (int m = self->grid->first_min; m < self->grid->last_min; m += column->slot_minutes)
    {
      double y = gest_agenda_view_y_of_minute (self, m);

      if (y >= top && y <= bottom)
        fill (snapshot, &line, x, y, w, 1);
    }
  fill (snapshot, &line, x + w - 1, top, 1, bottom - top);
  for (guint i = 0; i < column->reservations->len; i++)
    {
      GestReservation *r = g_ptr_array_index (column->reservations, i);
      double y = gest_agenda_view_y_of_minute (self, r->starts_min);

      if (y > bottom || y + MAX (r->duration_min, column->slot_minutes) * PX_PER_MIN < top)
        continue;
      draw_reservation (self, snapshot, column, r, &g_array_index (column->lanes, GestAgendaLane, i), x, w,
                        r == focused);
    }
  /* The focused free cell. */
  if (has_focus && index == self->cursor_col && focused == NULL)
    {
      double cell_y = gest_agenda_view_y_of_minute (self, gest_agenda_column_snap (column, self->cursor_min));

      outline (snapshot, self->move_mode ? &today_amber : &focus_ring, x + 1, cell_y + 1, w - 2, slot_h - 2, 2);
    }
}

static char *
column_day_label (const char *day)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!gest_date_from_iso (day, &date))
    return g_strdup (day);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  /* Translators: a column's day in the agenda, "Mon 07/12" (strftime: %a weekday, %d/%m day/month). */
  return g_date_time_format (dt, _("%a %d/%m"));
}

void
gest_agenda_view_draw (GestAgendaView *self,
                       GtkSnapshot    *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double w = gest_agenda_view_column_width (self);
  double scroll_x = gtk_adjustment_get_value (self->hadjustment);
  gboolean has_focus = gtk_widget_has_focus (widget);
  GdkRGBA fg, bg, line;
  int first, last;

  ensure_layouts (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bg = fg;
  bg.alpha = 0.06;
  line = fg;
  line.alpha = 0.2;
  if (self->grid == NULL)
    {
      draw_loading (self, snapshot, &fg, &bg, &line);
      return;
    }
  if (self->shown->len == 0)
    return;
  gest_agenda_view_read_clock (self);

  first = MAX ((int) (scroll_x / w), 0);
  last = MIN ((int) ((scroll_x + width - GUTTER_W) / w) + 1, (int) self->shown->len);

  /* The body, clipped under the header and right of the gutter. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER_W, HEADER_H, MAX (width - GUTTER_W, 0),
                                                          MAX (height - HEADER_H, 0)));
  for (int c = first; c < last; c++)
    draw_column (self, snapshot, c, HEADER_H, height, &fg, has_focus);
  gtk_snapshot_pop (snapshot);

  /* The header: the day (in the week) and the advisor of each column in sight. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER_W, 0, MAX (width - GUTTER_W, 0), HEADER_H));
  fill (snapshot, &bg, GUTTER_W, 0, width - GUTTER_W, HEADER_H);
  for (int c = first; c < last; c++)
    {
      GestAgendaColumn *column = gest_agenda_view_shown_column (self, c);
      double x = gest_agenda_view_x_of_column (self, c);
      g_autofree char *day = column_day_label (column->day);

      if (self->grid->n_days > 1)
        text (self, snapshot, day, &fg, x + 6, 4, w - 12, FALSE);
      text (self, snapshot, column->advisor_name != NULL ? column->advisor_name : _("To assign"),
            column->advisor_uuid != NULL ? &fg : &late_red, x + 6, self->grid->n_days > 1 ? 22 : 13, w - 12, TRUE);
      fill (snapshot, &line, x + w - 1, 0, 1, HEADER_H);
    }
  fill (snapshot, &line, GUTTER_W, HEADER_H - 1, width - GUTTER_W, 1);
  gtk_snapshot_pop (snapshot);

  /* The gutter: the hours. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_H, GUTTER_W, MAX (height - HEADER_H, 0)));
  fill (snapshot, &bg, 0, HEADER_H, GUTTER_W, height - HEADER_H);
  for (int m = self->grid->first_min; m < self->grid->last_min; m += 60)
    {
      double y = gest_agenda_view_y_of_minute (self, m);
      char hour[8];

      if (y + 20 < HEADER_H || y > height)
        continue;
      g_snprintf (hour, sizeof hour, "%02d:00", m / 60);
      text (self, snapshot, hour, &fg, 6, y + 2, GUTTER_W - 10, FALSE);
    }
  fill (snapshot, &line, GUTTER_W - 1, HEADER_H, 1, height - HEADER_H);
  gtk_snapshot_pop (snapshot);
}

gint64
gest_agenda_view_now (GestAgendaView *self)
{
  return self->now > 0 ? self->now : gest_timestamp_now ();
}

void
gest_agenda_view_read_clock (GestAgendaView *self)
{
  gint64 now = gest_agenda_view_now (self);
  int minute = 0;
  g_autofree char *today = gest_agenda_day_of (now, &minute);

  g_strlcpy (self->today, today, sizeof self->today);
  /* A slot is past once its first minute has begun, as the slot check's "before now". */
  self->past_before = minute + (now % (60 * G_USEC_PER_SEC) != 0 ? 1 : 0);
}

gboolean
gest_agenda_view_slot_is_past (GestAgendaView         *self,
                               const GestAgendaColumn *column,
                               const GestAgendaSlot   *slot)
{
  int cmp = strcmp (column->day, self->today);

  return cmp < 0 || (cmp == 0 && slot->starts_min < self->past_before);
}

char *
gest_agenda_view_dup_slot_text (GestAgendaView *self,
                                guint           column,
                                int             minute)
{
  GestAgendaColumn *c;
  GestAgendaSlot *slot;
  int room;

  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), NULL);

  if (self->grid == NULL || column >= self->grid->columns->len)
    return NULL;
  c = g_ptr_array_index (self->grid->columns, column);
  slot = gest_agenda_column_slot_at (c, minute);
  if (slot == NULL)
    return NULL;
  gest_agenda_view_read_clock (self);
  room = slot_free_room (self, c, slot);
  return room > 0 ? free_label (room) : NULL;
}
