/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-calendar-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-business-calendar-store.h"
#include "gest-calendar-preferences-page.h"
#include "gest-date-row.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-field-error.h"
#include "gest-permissions.h"

struct _GestCalendarPreferencesPage
{
  AdwPreferencesPage   parent_instance;

  GestContext         *context;
  GestStore           *store;            /* the context's */
  GCancellable        *cancellable;
  gboolean             editable;
  int                  year;

  AdwPreferencesGroup *hours_group;
  GtkWidget           *hour_rows[GEST_BUSINESS_N_WEEKDAYS];   /* by settings weekday */
  GtkLabel            *hours_error;
  GtkWidget           *hours_save;

  AdwPreferencesGroup *holidays_group;
  GtkWidget           *year_label;
  GPtrArray           *holiday_rows;     /* the rows listed now (owned by the group) */
  GtkLabel            *holidays_error;

  AdwPreferencesGroup *edit_group;
  GtkWidget           *day_row;
  GtkWidget           *name_row;
  GtkWidget           *edit_save;
  GtkLabel            *edit_error;
};

G_DEFINE_FINAL_TYPE (GestCalendarPreferencesPage, gest_calendar_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Monday first, as a Mexican week is read. */
static const guint weekday_order[GEST_BUSINESS_N_WEEKDAYS] = { 1, 2, 3, 4, 5, 6, 0 };
static const char * const weekday_names[GEST_BUSINESS_N_WEEKDAYS] = {
  N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"),
};

typedef struct
{
  int open[GEST_BUSINESS_N_WEEKDAYS];
  int close[GEST_BUSINESS_N_WEEKDAYS];
} HoursSave;

typedef struct
{
  GDate    day;
  char    *name;     /* NULL: remove the holiday */
} HolidaySave;

static void
holiday_save_free (HolidaySave *save)
{
  g_free (save->name);
  g_free (save);
}

static void load_holidays (GestCalendarPreferencesPage *self);

static gboolean
hours_write (GestStore  *store,
             gpointer    data,
             GError    **error)
{
  HoursSave *save = data;

  return gest_business_calendar_save_hours (store, save->open, save->close, error);
}

static gboolean
holiday_write (GestStore  *store,
               gpointer    data,
               GError    **error)
{
  HolidaySave *save = data;

  if (save->name == NULL)
    return gest_business_holidays_remove (store, &save->day, error);
  return gest_business_holidays_set (store, &save->day, save->name, error);
}

static void
load_hours (GestCalendarPreferencesPage *self)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GError) error = NULL;

  cal = gest_business_calendar_load (self->store, &error);
  if (cal == NULL)
    {
      gest_field_error_show (NULL, self->hours_error, error->message);
      return;
    }
  for (guint d = 0; d < GEST_BUSINESS_N_WEEKDAYS; d++)
    {
      g_autofree char *text = NULL;
      int open, close;

      gest_business_calendar_get_hours (cal, d, &open, &close);
      text = gest_business_hours_format (open, close);
      gtk_editable_set_text (GTK_EDITABLE (self->hour_rows[d]), text);
    }
}

static void
hours_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestCalendarPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->hours_save, self->editable);
  if (!gest_store_write_finish (GEST_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gest_field_error_show (NULL, self->hours_error, error->message);
      return;
    }
  adw_preferences_group_set_description (self->hours_group,
                                         _("Saved. The clocks count these hours from now on."));
}

static void
hours_save_clicked_cb (GtkButton                   *button,
                       GestCalendarPreferencesPage *self)
{
  g_autofree HoursSave *save = g_new0 (HoursSave, 1);

  for (guint d = 0; d < GEST_BUSINESS_N_WEEKDAYS; d++)
    gest_field_error_show (self->hour_rows[d], self->hours_error, NULL);
  for (guint i = 0; i < GEST_BUSINESS_N_WEEKDAYS; i++)
    {
      guint d = weekday_order[i];
      g_autoptr(GError) error = NULL;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->hour_rows[d]));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (!gest_business_hours_parse (stripped, &save->open[d], &save->close[d], &error))
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", _(weekday_names[d]), error->message);

          gest_field_error_show (self->hour_rows[d], self->hours_error, message);
          gtk_widget_grab_focus (self->hour_rows[d]);
          return;
        }
    }
  gtk_widget_set_sensitive (self->hours_save, FALSE);
  gest_store_write_async (self->store, hours_write, g_steal_pointer (&save), g_free,
                          self->cancellable, hours_saved_cb, g_object_ref (self));
}

static void
holiday_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestCalendarPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  HolidaySave *save = gest_store_write_get_data (result);

  gtk_widget_set_sensitive (self->edit_save, self->editable);
  if (!gest_store_write_finish (GEST_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (save->name == NULL)
        gest_field_error_show (NULL, self->holidays_error, error->message);
      else
        gest_field_error_show (error->code == GEST_ERROR_INVALID ? self->name_row : NULL,
                               self->edit_error, error->message);
      return;
    }
  if (save->name != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      gest_date_row_set_date (GEST_DATE_ROW (self->day_row), NULL);
    }
  self->year = g_date_get_year (&save->day);
  load_holidays (self);
}

static void
remove_clicked_cb (GtkButton                   *button,
                   GestCalendarPreferencesPage *self)
{
  HolidaySave *save = g_new0 (HolidaySave, 1);
  const GDate *day = g_object_get_data (G_OBJECT (button), "day");

  save->day = *day;
  gest_field_error_show (NULL, self->holidays_error, NULL);
  gest_store_write_async (self->store, holiday_write, save, (GDestroyNotify) holiday_save_free,
                          self->cancellable, holiday_saved_cb, g_object_ref (self));
}

/* A listed holiday, activated: its day and name go to the form to be renamed. */
static void
holiday_activated_cb (AdwActionRow                *row,
                      GestCalendarPreferencesPage *self)
{
  const GDate *day = g_object_get_data (G_OBJECT (row), "day");

  gest_date_row_set_date (GEST_DATE_ROW (self->day_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_grab_focus (self->name_row);
}

static void
edit_save_clicked_cb (GtkButton                   *button,
                      GestCalendarPreferencesPage *self)
{
  HolidaySave *save;
  GDate day;

  gest_field_error_show (self->day_row, self->edit_error, NULL);
  gest_field_error_show (self->name_row, self->edit_error, NULL);
  if (!gest_date_row_apply (GEST_DATE_ROW (self->day_row)) ||
      !gest_date_row_get_date (GEST_DATE_ROW (self->day_row), &day))
    {
      gest_field_error_show (self->day_row, self->edit_error,
                             _("Write the holiday’s date as dd/mm/yyyy, e.g. 12/12/2026."));
      return;
    }
  save = g_new0 (HolidaySave, 1);
  save->day = day;
  save->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  gtk_widget_set_sensitive (self->edit_save, FALSE);
  gest_store_write_async (self->store, holiday_write, save, (GDestroyNotify) holiday_save_free,
                          self->cancellable, holiday_saved_cb, g_object_ref (self));
}

static void
year_clicked_cb (GtkButton                   *button,
                 GestCalendarPreferencesPage *self)
{
  self->year += GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  load_holidays (self);
}

static void
load_holidays (GestCalendarPreferencesPage *self)
{
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = g_strdup_printf ("%d", self->year);

  gtk_label_set_text (GTK_LABEL (self->year_label), year);
  for (guint i = 0; i < self->holiday_rows->len; i++)
    adw_preferences_group_remove (self->holidays_group, g_ptr_array_index (self->holiday_rows, i));
  g_ptr_array_set_size (self->holiday_rows, 0);

  holidays = gest_business_holidays_list (self->store, self->year, &error);
  if (holidays == NULL)
    {
      gest_field_error_show (NULL, self->holidays_error, error->message);
      return;
    }
  for (guint i = 0; i < holidays->len; i++)
    {
      GestBusinessHoliday *h = g_ptr_array_index (holidays, i);
      g_autofree char *shown = gest_date_format (&h->day);
      g_autofree char *subtitle = h->legal ? g_strdup_printf (_("%s · by law"), shown) : g_strdup (shown);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GDate *day = g_new (GDate, 1);

      *day = h->day;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Work on this day"));
      gtk_widget_set_sensitive (remove, self->editable);
      g_object_set_data_full (G_OBJECT (remove), "day", day, g_free);
      g_object_set_data (G_OBJECT (row), "day", day);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), self->editable);
      g_signal_connect (row, "activated", G_CALLBACK (holiday_activated_cb), self);
      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
    }
}

static GtkWidget *
year_button (GestCalendarPreferencesPage *self,
             const char                  *icon,
             const char                  *tooltip,
             int                          step)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (year_clicked_cb), self);
  return button;
}

static void
build (GestCalendarPreferencesPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget *box;
  GDate today;

  self->editable = gest_store_check_permission (self->store, GEST_PERMISSION_DEALER_SETTINGS, NULL);

  self->hours_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->hours_group, _("Working hours"));
  adw_preferences_group_set_description (self->hours_group,
                                         self->editable
                                         ? _("The clocks count business time only. Write each day’s hours as 09:00-18:00, or leave the day empty when the dealer is closed.")
                                         : _("Only the roles that change the dealer’s settings may change the calendar."));
  for (guint i = 0; i < GEST_BUSINESS_N_WEEKDAYS; i++)
    {
      guint d = weekday_order[i];

      self->hour_rows[d] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hour_rows[d]), _(weekday_names[d]));
      gtk_widget_set_sensitive (self->hour_rows[d], self->editable);
      adw_preferences_group_add (self->hours_group, self->hour_rows[d]);
    }
  self->hours_error = gest_field_error_label_new (self->hours_group);
  self->hours_save = gtk_button_new_with_mnemonic (_("_Save Hours"));
  gtk_widget_add_css_class (self->hours_save, "suggested-action");
  gtk_widget_set_valign (self->hours_save, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (self->hours_save, self->editable);
  g_signal_connect (self->hours_save, "clicked", G_CALLBACK (hours_save_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->hours_group, self->hours_save);
  adw_preferences_page_add (page, self->hours_group);

  self->holidays_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->holidays_group, _("Holidays"));
  adw_preferences_group_set_description (self->holidays_group,
                                         _("Mexico’s legal holidays are listed already. Remove one the dealer works, "
                                           "or select one to rename it."));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), year_button (self, "go-previous-symbolic", _("Previous year"), -1));
  self->year_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (self->year_label), 5);
  gtk_box_append (GTK_BOX (box), self->year_label);
  gtk_box_append (GTK_BOX (box), year_button (self, "go-next-symbolic", _("Next year"), 1));
  adw_preferences_group_set_header_suffix (self->holidays_group, box);
  self->holidays_error = gest_field_error_label_new (self->holidays_group);
  adw_preferences_page_add (page, self->holidays_group);

  self->edit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->edit_group, _("Add or Rename a Holiday"));
  self->day_row = gest_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("Date"));
  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  adw_preferences_group_add (self->edit_group, self->day_row);
  adw_preferences_group_add (self->edit_group, self->name_row);
  self->edit_error = gest_field_error_label_new (self->edit_group);
  self->edit_save = gtk_button_new_with_mnemonic (_("Save _Holiday"));
  gtk_widget_set_valign (self->edit_save, GTK_ALIGN_CENTER);
  g_signal_connect (self->edit_save, "clicked", G_CALLBACK (edit_save_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->edit_group, self->edit_save);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_group), self->editable);
  adw_preferences_page_add (page, self->edit_group);

  gest_date_today (&today);
  self->year = g_date_get_year (&today);
  load_hours (self);
  load_holidays (self);
}

static void
gest_calendar_preferences_page_constructed (GObject *object)
{
  GestCalendarPreferencesPage *self = GEST_CALENDAR_PREFERENCES_PAGE (object);

  G_OBJECT_CLASS (gest_calendar_preferences_page_parent_class)->constructed (object);

  build (self);
}

static void
gest_calendar_preferences_page_dispose (GObject *object)
{
  GestCalendarPreferencesPage *self = GEST_CALENDAR_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (gest_calendar_preferences_page_parent_class)->dispose (object);
}

static void
gest_calendar_preferences_page_finalize (GObject *object)
{
  GestCalendarPreferencesPage *self = GEST_CALENDAR_PREFERENCES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->holiday_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_calendar_preferences_page_parent_class)->finalize (object);
}

static void
gest_calendar_preferences_page_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  GestCalendarPreferencesPage *self = GEST_CALENDAR_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (gest_context_get_store (self->context));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_calendar_preferences_page_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  GestCalendarPreferencesPage *self = GEST_CALENDAR_PREFERENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_calendar_preferences_page_class_init (GestCalendarPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gest_calendar_preferences_page_constructed;
  object_class->dispose = gest_calendar_preferences_page_dispose;
  object_class->finalize = gest_calendar_preferences_page_finalize;
  object_class->set_property = gest_calendar_preferences_page_set_property;
  object_class->get_property = gest_calendar_preferences_page_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_calendar_preferences_page_init (GestCalendarPreferencesPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->holiday_rows = g_ptr_array_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Calendar"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "x-office-calendar-symbolic");
}

GtkWidget *
gest_calendar_preferences_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_CALENDAR_PREFERENCES_PAGE, "context", context, NULL);
}
