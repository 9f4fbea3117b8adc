/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-date-row.h"

struct _GestDateRow
{
  GestParsedRow parent_instance;

  GtkWidget    *calendar_button;
  GtkWidget    *popover;            /* borrowed: the button's */
  GtkCalendar  *calendar;           /* borrowed: the popover's child */

  GDate         date;               /* cleared when the text is not a date */
  GDate         minimum;            /* cleared: no bound */
  GDate         maximum;
};

G_DEFINE_FINAL_TYPE (GestDateRow, gest_date_row, GEST_TYPE_PARSED_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  PROP_SHOW_CALENDAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void day_selected_cb (GestDateRow *self);

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
gest_date_row_parse (GestParsedRow  *row,
                     const char     *text,
                     char          **message)
{
  GestDateRow *self = GEST_DATE_ROW (row);
  g_autoptr(GError) error = NULL;
  gboolean valid = FALSE;
  GDate date;

  g_date_clear (&date, 1);

  if (text == NULL)
    ;
  else if (!gest_date_parse (text, &date, &error))
    {
      *message = g_strdup (error->message);
      g_date_clear (&date, 1);
    }
  else if (g_date_valid (&self->minimum) && g_date_compare (&date, &self->minimum) < 0)
    {
      g_autofree char *date_s = gest_date_format (&date);
      g_autofree char *bound_s = gest_date_format (&self->minimum);

      /* Translators: a date before the first one a field accepts: "01/03/2026 or later; it is 28/02/2026". */
      *message = g_strdup_printf (_("The date must be %s or later; it is %s."), bound_s, date_s);
      g_date_clear (&date, 1);
    }
  else if (g_date_valid (&self->maximum) && g_date_compare (&date, &self->maximum) > 0)
    {
      g_autofree char *date_s = gest_date_format (&date);
      g_autofree char *bound_s = gest_date_format (&self->maximum);

      /* Translators: a date after the last one a field accepts. */
      *message = g_strdup_printf (_("The date must be %s or earlier; it is %s."), bound_s, date_s);
      g_date_clear (&date, 1);
    }
  else
    valid = TRUE;

  if (!same_date (&date, &self->date))
    {
      self->date = date;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
  return valid;
}

static char *
gest_date_row_format (GestParsedRow *row)
{
  return gest_date_format (&GEST_DATE_ROW (row)->date);
}

/* The calendar popover is the row's own: moving into it is not leaving. */
static gboolean
gest_date_row_holds_focus (GestParsedRow *row)
{
  return gtk_widget_get_visible (GEST_DATE_ROW (row)->popover);
}

/* The calendar opens on the date typed, or on today. */
static void
popover_show_cb (GestDateRow *self)
{
  g_autoptr(GDateTime) moment = NULL;
  GDate shown;

  if (g_date_valid (&self->date))
    shown = self->date;
  else
    gest_date_today (&shown);
  moment = g_date_time_new_local (g_date_get_year (&shown), g_date_get_month (&shown),
                                  g_date_get_day (&shown), 12, 0, 0);
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, moment);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

static void
day_selected_cb (GestDateRow *self)
{
  g_autoptr(GDateTime) moment = gtk_calendar_get_date (self->calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (moment),
                  g_date_time_get_month (moment), g_date_time_get_year (moment));
  gest_date_row_set_date (self, &date);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
gest_date_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GestDateRow *self = GEST_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_boxed (value, g_date_valid (&self->date) ? &self->date : NULL);
      break;
    case PROP_MINIMUM:
      g_value_set_boxed (value, g_date_valid (&self->minimum) ? &self->minimum : NULL);
      break;
    case PROP_MAXIMUM:
      g_value_set_boxed (value, g_date_valid (&self->maximum) ? &self->maximum : NULL);
      break;
    case PROP_SHOW_CALENDAR:
      g_value_set_boolean (value, gtk_widget_get_visible (self->calendar_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_date_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GestDateRow *self = GEST_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      gest_date_row_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_MINIMUM:
      gest_date_row_set_bounds (self, g_value_get_boxed (value),
                                g_date_valid (&self->maximum) ? &self->maximum : NULL);
      break;
    case PROP_MAXIMUM:
      gest_date_row_set_bounds (self, g_date_valid (&self->minimum) ? &self->minimum : NULL,
                                g_value_get_boxed (value));
      break;
    case PROP_SHOW_CALENDAR:
      gest_date_row_set_show_calendar (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_date_row_class_init (GestDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GestParsedRowClass *row_class = GEST_PARSED_ROW_CLASS (klass);

  object_class->get_property = gest_date_row_get_property;
  object_class->set_property = gest_date_row_set_property;

  row_class->parse = gest_date_row_parse;
  row_class->format = gest_date_row_format;
  row_class->holds_focus = gest_date_row_holds_focus;

  properties[PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MINIMUM] =
    g_param_spec_boxed ("minimum", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAXIMUM] =
    g_param_spec_boxed ("maximum", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_CALENDAR] =
    g_param_spec_boolean ("show-calendar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_date_row_init (GestDateRow *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->minimum, 1);
  g_date_clear (&self->maximum, 1);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->calendar));
  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), self->popover);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->calendar_button, _("Choose the date in a calendar"));
  gtk_widget_add_css_class (self->calendar_button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->calendar_button);

  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
}

GtkWidget *
gest_date_row_new (void)
{
  return g_object_new (GEST_TYPE_DATE_ROW, NULL);
}

gboolean
gest_date_row_get_date (GestDateRow *self,
                        GDate       *out)
{
  g_return_val_if_fail (GEST_IS_DATE_ROW (self), FALSE);

  if (!gest_parsed_row_get_valid (GEST_PARSED_ROW (self)))
    return FALSE;
  if (out != NULL)
    *out = self->date;
  return TRUE;
}

void
gest_date_row_set_date (GestDateRow *self,
                        const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GEST_IS_DATE_ROW (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  text = date != NULL ? gest_date_format (date) : g_strdup ("");
  gest_parsed_row_set_text (GEST_PARSED_ROW (self), text);
}

gboolean
gest_date_row_get_valid (GestDateRow *self)
{
  return gest_parsed_row_get_valid (GEST_PARSED_ROW (self));
}

gboolean
gest_date_row_get_empty (GestDateRow *self)
{
  return gest_parsed_row_get_empty (GEST_PARSED_ROW (self));
}

void
gest_date_row_set_bounds (GestDateRow *self,
                          const GDate *minimum,
                          const GDate *maximum)
{
  g_return_if_fail (GEST_IS_DATE_ROW (self));
  g_return_if_fail (minimum == NULL || g_date_valid (minimum));
  g_return_if_fail (maximum == NULL || g_date_valid (maximum));
  g_return_if_fail (minimum == NULL || maximum == NULL || g_date_compare (minimum, maximum) <= 0);

  g_object_freeze_notify (G_OBJECT (self));
  if (!same_date (&self->minimum, minimum != NULL ? minimum : &(GDate) { 0 }))
    {
      if (minimum != NULL)
        self->minimum = *minimum;
      else
        g_date_clear (&self->minimum, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM]);
    }
  if (!same_date (&self->maximum, maximum != NULL ? maximum : &(GDate) { 0 }))
    {
      if (maximum != NULL)
        self->maximum = *maximum;
      else
        g_date_clear (&self->maximum, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
    }
  gest_parsed_row_reparse (GEST_PARSED_ROW (self));
  g_object_thaw_notify (G_OBJECT (self));
}

void
gest_date_row_set_show_calendar (GestDateRow *self,
                                 gboolean     show_calendar)
{
  g_return_if_fail (GEST_IS_DATE_ROW (self));

  show_calendar = !!show_calendar;
  if (show_calendar == gtk_widget_get_visible (self->calendar_button))
    return;
  gtk_widget_set_visible (self->calendar_button, show_calendar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CALENDAR]);
}

gboolean
gest_date_row_apply (GestDateRow *self)
{
  return gest_parsed_row_apply (GEST_PARSED_ROW (self));
}

void
gest_date_row_set_error (GestDateRow *self,
                         const char  *message)
{
  gest_parsed_row_set_error (GEST_PARSED_ROW (self), message);
}

const char *
gest_date_row_get_error (GestDateRow *self)
{
  return gest_parsed_row_get_error (GEST_PARSED_ROW (self));
}

const char *
gest_date_row_get_text_error (GestDateRow *self)
{
  return gest_parsed_row_get_text_error (GEST_PARSED_ROW (self));
}

void
gest_date_row_set_error_label (GestDateRow *self,
                               GtkLabel    *label)
{
  gest_parsed_row_set_error_label (GEST_PARSED_ROW (self), label);
}

GtkCalendar *
gest_date_row_get_calendar (GestDateRow *self)
{
  g_return_val_if_fail (GEST_IS_DATE_ROW (self), NULL);

  return self->calendar;
}
