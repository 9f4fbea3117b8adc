/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-agenda-preferences.h"
#include "gest-agenda-prefs-values.h"
#include "gest-agenda-schedule.h"
#include "gest-agenda-text.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-reservation-reader.h"

static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static const char * const rule_titles[GEST_AGENDA_N_RULES] = {
  N_("Confirm Web Bookings by (hh:mm)"),
  N_("No-show Grace Period (minutes)"),
  N_("Next Day’s Messages from (hh:mm)"),
  N_("Technology Sessions from (hh:mm)"),
  N_("Technology Sessions until (hh:mm)"),
  N_("Technology Session Length (minutes)"),
};

/* The page's state, held by the page (weakly: until it finalizes), each load and each save and
 * dialog in flight; all on the UI thread. */
typedef struct
{
  guint                  refs;
  AdwPreferencesPage    *page;               /* weak: NULL once the page is gone */
  GestContext           *context;
  GestStore             *store;              /* the context's */
  GestReservationReader *reader;
  GCancellable          *cancellable;
  guint                  serial;
  gboolean               loading;
  GPtrArray             *advisors;           /* GestAgendaSchedule of the last load */
  GtkWidget             *spinner;
  AdwPreferencesGroup   *rules_group;
  GtkWidget             *rule_rows[GEST_AGENDA_N_RULES];
  GtkWidget             *rules_save;
  GtkLabel              *rules_error;
  AdwPreferencesGroup   *hours_group;
  GtkLabel              *hours_error;
  AdwPreferencesGroup   *blocks_group;
  GtkLabel              *blocks_error;
  GPtrArray             *rows;               /* (group, row) pairs, removed on reload */
  char                  *error;
  gboolean               busy;
} Prefs;

/* A read of one day; its serial tells a stale result. */
typedef struct
{
  guint serial;
  char  day[11];            /* yyyy-mm-dd */
} DayQuery;

typedef struct
{
  Prefs              *prefs;
  int                 kind;           /* 0 rules, 1 hours, 2 clear day, 3 block add, 4 block remove */
  GWeakRef            row;            /* the weekday's row of hours, for its error */
  char               *values[GEST_AGENDA_N_RULES];
  GestAgendaSchedule  schedule;
  char               *day;
  char               *reason;
} Save;

static void prefs_reload (Prefs *self);

static Prefs *
prefs_ref (Prefs *self)
{
  self->refs++;
  return self;
}

static void
prefs_unref (Prefs *self)
{
  if (--self->refs > 0)
    return;
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reader, gest_reservation_reader_unref);
  g_clear_pointer (&self->advisors, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->error);
  g_free (self);
}

static void
page_gone (gpointer  data,
           GObject  *where_the_object_was)
{
  Prefs *self = data;

  self->page = NULL;
  g_cancellable_cancel (self->cancellable);
  prefs_unref (self);
}

static void
save_free (gpointer data)
{
  Save *save = data;

  for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
    g_free (save->values[i]);
  g_free (save->schedule.advisor_uuid);
  g_free (save->day);
  g_free (save->reason);
  g_weak_ref_clear (&save->row);
  g_free (save);
}

static Save *
save_new (int        kind,
          GtkWidget *row)
{
  Save *save = g_new0 (Save, 1);

  save->kind = kind;
  g_weak_ref_init (&save->row, row);
  return save;
}

static void
show_error (Prefs      *self,
            GtkWidget  *row,
            GtkLabel   *label,
            const char *message)
{
  if (message != NULL || label == self->rules_error)
    {
      g_free (self->error);
      self->error = g_strdup (message);
    }
  gest_field_error_show (row, label, message);
}

static gboolean
save_write (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  Save *save = data;
  g_autofree char *uuid = NULL;
  gboolean own = FALSE;
  gboolean ok = TRUE;

  switch (save->kind)
    {
    case 0:
      if (!gest_store_begin_change (store, "agenda_rules", &own, error))
        return FALSE;
      ok = gest_store_check_permission (store, "agenda.schedules", error);
      for (guint i = 0; ok && i < GEST_AGENDA_N_RULES; i++)
        ok = gest_store_set_setting (store, gest_agenda_rule_key (i), save->values[i], error);
      if (ok)
        ok = gest_activity_log_append (store, "agenda.settings", GEST_ACTIVITY_NOTE,
                                       _("The agenda’s rules were changed"), NULL, NULL, error) > 0;
      return gest_store_end_change (store, "agenda_rules", own, ok, ok ? error : NULL) && ok;
    case 1:
      return gest_agenda_schedule_set (store, &save->schedule, error);
    case 2:
      return gest_agenda_schedule_clear (store, save->schedule.advisor_uuid, save->schedule.weekday, error);
    case 3:
      uuid = gest_agenda_block_add (store, save->schedule.advisor_uuid, save->day, save->schedule.starts_min,
                                    save->schedule.ends_min, save->reason, error);
      return uuid != NULL;
    default:
      return gest_agenda_block_remove (store, save->day, error);
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Prefs *self = user_data;
  Save *save = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) row = g_weak_ref_get (&save->row);
  GtkLabel *label;

  self->busy = FALSE;
  if (self->page == NULL)
    {
      prefs_unref (self);
      return;
    }
  label = save->kind == 0 ? self->rules_error : save->kind <= 2 ? self->hours_error : self->blocks_error;
  gtk_widget_set_sensitive (self->rules_save, TRUE);
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    show_error (self, row, label, error->message);
  else
    {
      show_error (self, row, label, NULL);
      prefs_reload (self);
    }
  prefs_unref (self);
}

static void
run_save (Prefs *self,
          Save  *save)
{
  if (self->busy)
    {
      save_free (save);
      return;
    }
  self->busy = TRUE;
  save->prefs = self;
  gtk_widget_set_sensitive (self->rules_save, FALSE);
  gest_store_write_async (self->store, save_write, save, save_free, NULL, saved_cb, prefs_ref (self));
}

/* --- Rules -------------------------------------------------------------------------------- */

static void
rules_save_cb (Prefs *self)
{
  const char *texts[GEST_AGENDA_N_RULES];
  g_autofree char *message = NULL;
  int bad;
  Save *save;

  for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
    {
      texts[i] = gtk_editable_get_text (GTK_EDITABLE (self->rule_rows[i]));
      gtk_widget_remove_css_class (self->rule_rows[i], "error");
    }
  bad = gest_agenda_rules_check (texts, &message);
  if (bad >= 0)
    {
      show_error (self, self->rule_rows[bad], self->rules_error, message);
      return;
    }
  save = save_new (0, NULL);
  for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
    save->values[i] = g_strstrip (g_strdup (texts[i]));
  run_save (self, save);
}

/* --- Hours -------------------------------------------------------------------------------- */

static GWeakRef *
weak_ref_new (GtkWidget *widget)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, widget);
  return ref;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static GtkWidget *
dialog_entry (GtkWidget  *box,
              const char *label_text,
              const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static AdwMessageDialog *
dialog_new (Prefs      *self,
            const char *heading,
            const char *body,
            GtkWidget  *extra)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->page));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
hours_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Prefs            *self)
{
  GtkEditable **entries = g_object_get_data (G_OBJECT (dialog), "gest-entries");
  g_autoptr(GtkWidget) row = g_weak_ref_get (g_object_get_data (G_OBJECT (dialog), "gest-row"));
  Save *save;
  g_autofree char *message = NULL;

  if (self->page == NULL || (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "off") != 0))
    return;
  save = save_new (0, row);
  save->schedule.advisor_uuid = g_strdup (g_object_get_data (G_OBJECT (dialog), "gest-advisor"));
  save->schedule.weekday = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "gest-weekday"));
  save->kind = g_strcmp0 (response, "off") == 0 ? 2 : 1;
  if (save->kind == 1 &&
      !gest_agenda_hours_parse (gtk_editable_get_text (entries[0]), gtk_editable_get_text (entries[1]),
                                gtk_editable_get_text (entries[2]), gtk_editable_get_text (entries[3]),
                                &save->schedule, &message))
    {
      show_error (self, row, self->hours_error, message);
      save_free (save);
      return;
    }
  run_save (self, save);
}

static void
hours_activated_cb (AdwActionRow *row,
                    Prefs        *self)
{
  GestAgendaSchedule *s = g_object_get_data (G_OBJECT (row), "gest-schedule");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEditable **entries = g_new0 (GtkEditable *, 4);
  g_autofree char *hours = NULL;
  g_autofree char *brk = NULL;
  g_autofree char *slot = g_strdup_printf ("%d", s->slot_minutes > 0 ? s->slot_minutes : 30);
  g_autofree char *capacity = g_strdup_printf ("%d", s->capacity > 0 ? s->capacity : 1);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (s->ends_min > s->starts_min)
    {
      g_autofree char *from = gest_agenda_time_text (s->starts_min);
      g_autofree char *to = gest_agenda_time_text (s->ends_min);

      hours = g_strdup_printf ("%s-%s", from, to);
    }
  if (s->break_starts_min >= 0)
    {
      g_autofree char *from = gest_agenda_time_text (s->break_starts_min);
      g_autofree char *to = gest_agenda_time_text (s->break_ends_min);

      brk = g_strdup_printf ("%s-%s", from, to);
    }
  entries[0] = GTK_EDITABLE (dialog_entry (box, _("_Hours (08:00-18:00)"), hours));
  entries[1] = GTK_EDITABLE (dialog_entry (box, _("_Break (14:00-15:00, or empty)"), brk));
  entries[2] = GTK_EDITABLE (dialog_entry (box, _("_Slot (minutes)"), slot));
  entries[3] = GTK_EDITABLE (dialog_entry (box, _("_Capacity (cars per slot)"), capacity));
  /* Translators: "Luis Hernández Peña on Monday". */
  heading = g_strdup_printf (_("%s on %s"), s->advisor_name, _(weekday_names[s->weekday - 1]));
  dialog = dialog_new (self, heading, _("No reservation starts outside the hours, in the break or in blocked time."), box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "off", _("_Day Off"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_object_set_data_full (G_OBJECT (dialog), "gest-entries", entries, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "gest-advisor", g_strdup (s->advisor_uuid), g_free);
  g_object_set_data (G_OBJECT (dialog), "gest-weekday", GINT_TO_POINTER (s->weekday));
  g_object_set_data_full (G_OBJECT (dialog), "gest-row", weak_ref_new (GTK_WIDGET (row)), weak_ref_free);
  g_object_set_data_full (G_OBJECT (dialog), "gest-prefs", prefs_ref (self), (GDestroyNotify) prefs_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (hours_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_row (Prefs               *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
fill_hours (Prefs               *self,
            GestAgendaPrefsData *data)
{
  GPtrArray *advisors = data->advisors;
  GPtrArray *schedules = data->schedules;

  if (advisors->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No service advisors yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Give a user the service advisor role in Users, then set their hours here."));
      add_row (self, self->hours_group, row);
    }
  for (guint a = 0; a < advisors->len; a++)
    {
      GestAgendaSchedule *advisor = g_ptr_array_index (advisors, a);
      GtkWidget *expander = adw_expander_row_new ();
      guint n_days = 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), advisor->advisor_name);
      for (int weekday = 1; weekday <= 7; weekday++)
        {
          GestAgendaSchedule *found = NULL;
          GestAgendaSchedule *copy = g_new0 (GestAgendaSchedule, 1);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *text = NULL;

          for (guint i = 0; i < schedules->len && found == NULL; i++)
            {
              GestAgendaSchedule *s = g_ptr_array_index (schedules, i);

              if (g_strcmp0 (s->advisor_uuid, advisor->advisor_uuid) == 0 && s->weekday == weekday)
                found = s;
            }
          if (found != NULL)
            {
              *copy = *found;
              n_days++;
              text = gest_agenda_hours_text (found);
            }
          else
            copy->break_starts_min = -1;
          copy->advisor_uuid = g_strdup (advisor->advisor_uuid);
          copy->advisor_name = g_strdup (advisor->advisor_name);
          copy->weekday = weekday;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(weekday_names[weekday - 1]));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL ? text : _("Day off"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
          g_object_set_data_full (G_OBJECT (row), "gest-schedule", copy, (GDestroyNotify) gest_agenda_schedule_free);
          g_signal_connect (row, "activated", G_CALLBACK (hours_activated_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      {
        /* Translators: how many weekdays an advisor works. */
        g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day a week",
                                                                  "%u working days a week", n_days), n_days);

        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      }
      add_row (self, self->hours_group, expander);
    }
}

/* --- Blocked time ------------------------------------------------------------------------- */

static void
block_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Prefs            *self)
{
  GtkEditable **entries = g_object_get_data (G_OBJECT (dialog), "gest-entries");
  GtkDropDown *advisors = g_object_get_data (G_OBJECT (dialog), "gest-advisors");
  GPtrArray *uuids = g_object_get_data (G_OBJECT (dialog), "gest-uuids");
  guint selected = gtk_drop_down_get_selected (advisors);
  GDate date;
  Save *save;

  if (self->page == NULL || g_strcmp0 (response, "add") != 0)
    return;
  save = save_new (3, NULL);
  if (selected < uuids->len)
    save->schedule.advisor_uuid = g_strdup (g_ptr_array_index (uuids, selected));
  if (save->schedule.advisor_uuid == NULL || !gest_date_parse (gtk_editable_get_text (entries[0]), &date, NULL) ||
      !gest_agenda_time_parse (gtk_editable_get_text (entries[1]), &save->schedule.starts_min) ||
      !gest_agenda_time_parse (gtk_editable_get_text (entries[2]), &save->schedule.ends_min))
    {
      show_error (self, NULL, self->blocks_error,
                  _("Choose the advisor and write the day as dd/mm/yyyy and the times as hh:mm, such as 07/12/2026, 09:00 and 11:00."));
      save_free (save);
      return;
    }
  save->day = gest_date_to_iso (&date);
  save->reason = g_strstrip (g_strdup (gtk_editable_get_text (entries[3])));
  run_save (self, save);
}

static void
block_add_cb (Prefs *self)
{
  GPtrArray *advisors = self->advisors;   /* the last load's */
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Advisor"));
  GtkWidget *dropdown;
  GtkEditable **entries = g_new0 (GtkEditable *, 4);
  g_autofree char *today = gest_agenda_today_iso (1);
  g_autofree char *day = gest_agenda_day_text (today);
  AdwMessageDialog *dialog;

  for (guint i = 0; advisors != NULL && i < advisors->len; i++)
    {
      GestAgendaSchedule *a = g_ptr_array_index (advisors, i);

      gtk_string_list_append (names, a->advisor_name);
      g_ptr_array_add (uuids, g_strdup (a->advisor_uuid));
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  entries[0] = GTK_EDITABLE (dialog_entry (box, _("_Day (dd/mm/yyyy)"), day));
  entries[1] = GTK_EDITABLE (dialog_entry (box, _("_From (hh:mm)"), "09:00"));
  entries[2] = GTK_EDITABLE (dialog_entry (box, _("_Until (hh:mm)"), "11:00"));
  entries[3] = GTK_EDITABLE (dialog_entry (box, _("_Reason (a course, a day off…)"), NULL));
  dialog = dialog_new (self, _("Block Time"), _("No reservation can start in it. Reservations already there must be moved first."), box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Block"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  g_object_set_data_full (G_OBJECT (dialog), "gest-entries", entries, g_free);
  g_object_set_data (G_OBJECT (dialog), "gest-advisors", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "gest-uuids", uuids, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "gest-prefs", prefs_ref (self), (GDestroyNotify) prefs_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (block_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
block_remove_cb (GtkButton *button,
                 Prefs     *self)
{
  Save *save = save_new (4, NULL);

  save->day = g_strdup (g_object_get_data (G_OBJECT (button), "gest-block"));
  run_save (self, save);
}

static void
fill_blocks (Prefs               *self,
             GestAgendaPrefsData *data)
{
  for (guint i = 0; i < data->blocks->len; i++)
    {
      GestAgendaBlockRow *block = g_ptr_array_index (data->blocks, i);
      g_autofree char *day = gest_agenda_day_text (block->day);
      g_autofree char *from = gest_agenda_time_text (block->starts_min);
      g_autofree char *to = gest_agenda_time_text (block->ends_min);
      /* Translators: a blocked time: "Luis Hernández Peña · 07/12/2026 09:00-11:00". */
      g_autofree char *title = g_strdup_printf (_("%s · %s %s-%s"), block->advisor_name, day, from, to);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), block->reason);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Free This Time"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Free This Time"), -1);
      g_object_set_data_full (G_OBJECT (remove), "gest-block", g_strdup (block->uuid), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (block_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (self, self->blocks_group, row);
    }
  if (data->blocks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No blocked time ahead"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Block an advisor’s time for a course or a day off with +."));
      add_row (self, self->blocks_group, row);
    }
}

/* In the reader's thread. */
static gpointer
prefs_load (GestStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return gest_agenda_prefs_data_load (store, ((DayQuery *) data)->day, error);
}

static void
set_loading (Prefs    *self,
             gboolean  loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  gtk_widget_set_visible (self->spinner, loading);
  /* The rows shown are the previous read's until the new ones arrive: not to be acted on. */
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    gtk_widget_set_sensitive (g_ptr_array_index (self->rows, i + 1), !loading);
}

static void
prefs_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Prefs *self = user_data;
  g_autoptr(GError) error = NULL;
  guint serial = ((DayQuery *) gest_reservation_reader_get_data (result))->serial;
  g_autoptr(GestAgendaPrefsData) data = gest_reservation_reader_run_finish (result, &error);

  if (self->page == NULL || serial != self->serial)
    {
      prefs_unref (self);
      return;
    }
  set_loading (self, FALSE);
  if (data == NULL)
    show_error (self, NULL, self->rules_error, error->message);
  else
    {
      for (guint i = 0; i + 1 < self->rows->len; i += 2)
        adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
      g_ptr_array_set_size (self->rows, 0);
      for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
        gtk_editable_set_text (GTK_EDITABLE (self->rule_rows[i]), data->rules[i]);
      g_clear_pointer (&self->advisors, g_ptr_array_unref);
      self->advisors = g_ptr_array_ref (data->advisors);
      fill_hours (self, data);
      fill_blocks (self, data);
      gtk_widget_set_sensitive (GTK_WIDGET (self->rules_group), TRUE);
    }
  prefs_unref (self);
}

static void
prefs_reload (Prefs *self)
{
  g_autofree char *today = gest_agenda_today_iso (0);
  DayQuery *query = g_new0 (DayQuery, 1);

  query->serial = ++self->serial;
  g_strlcpy (query->day, today, sizeof query->day);
  set_loading (self, TRUE);
  gest_reservation_reader_run_async (self->reader, prefs_load, query, g_free,
                                     (GDestroyNotify) gest_agenda_prefs_data_free, self->cancellable,
                                     prefs_loaded_cb, prefs_ref (self));
}

static AdwPreferencesGroup *
group_new (Prefs      *self,
           const char *title,
           const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  return group;
}

AdwPreferencesPage *
gest_agenda_preferences_page_new (GestContext *context)
{
  Prefs *self;
  GtkWidget *add;
  GtkWidget *header;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_new0 (Prefs, 1);
  self->refs = 1;   /* the page's */
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->reader = gest_reservation_reader_new (gest_store_get_path (self->store));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _("Service Appointments"));
  adw_preferences_page_set_icon_name (self->page, "x-office-calendar-symbolic");
  g_object_weak_ref (G_OBJECT (self->page), page_gone, self);
  g_object_set_data (G_OBJECT (self->page), "gest-agenda-prefs", self);

  self->rules_group = group_new (self, _("Rules"),
                                 _("Web bookings received before the hour are confirmed the same working day; "
                                   "a confirmed customer not arrived after the grace period is a no-show."));
  for (guint i = 0; i < GEST_AGENDA_N_RULES; i++)
    {
      self->rule_rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rule_rows[i]), _(rule_titles[i]));
      adw_preferences_group_add (self->rules_group, self->rule_rows[i]);
    }
  self->rules_save = gtk_button_new_with_mnemonic (_("_Save Rules"));
  gtk_widget_add_css_class (self->rules_save, "suggested-action");
  gtk_widget_set_valign (self->rules_save, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->rules_save, "clicked", G_CALLBACK (rules_save_cb), self);
  self->spinner = gtk_spinner_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading…"), -1);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), self->spinner);
  gtk_box_append (GTK_BOX (header), self->rules_save);
  adw_preferences_group_set_header_suffix (self->rules_group, header);
  /* The rules' rows wait for their stored values. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->rules_group), FALSE);
  self->rules_error = gest_field_error_label_new (self->rules_group);

  self->hours_group = group_new (self, _("Advisors’ Hours"),
                                 _("Each advisor’s hours per weekday, the break, the slot’s length and how many cars they receive per slot."));
  self->hours_error = gest_field_error_label_new (self->hours_group);
  self->blocks_group = group_new (self, _("Blocked Time"), _("Time an advisor takes no reservations: a course, a day off."));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Block Time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Block Time"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (block_add_cb), self);
  adw_preferences_group_set_header_suffix (self->blocks_group, add);
  self->blocks_error = gest_field_error_label_new (self->blocks_group);
  prefs_reload (self);
  return self->page;
}

const char *
gest_agenda_preferences_get_error (AdwPreferencesPage *page)
{
  Prefs *self = g_object_get_data (G_OBJECT (page), "gest-agenda-prefs");

  return self != NULL ? self->error : NULL;
}

gboolean
gest_agenda_preferences_get_loading (AdwPreferencesPage *page)
{
  Prefs *self = g_object_get_data (G_OBJECT (page), "gest-agenda-prefs");

  return self != NULL && self->loading;
}
