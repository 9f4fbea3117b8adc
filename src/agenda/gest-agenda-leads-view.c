/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-leads-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-day-nav.h"
#include "gest-agenda-leads-view.h"
#include "gest-agenda-text.h"
#include "gest-date.h"
#include "gest-field-error.h"
#include "gest-reservation-reader.h"
#include "gest-test-drive.h"

struct _GestAgendaLeadsView
{
  GtkWidget              parent_instance;

  GtkWidget             *scrolled;           /* the only child */
  GestAgendaDayNav      *nav;
  GtkWidget             *spinner;
  AdwPreferencesGroup   *day_group;
  AdwPreferencesGroup   *open_group;
  GtkLabel              *error;
  GPtrArray             *rows;               /* (group, row) pairs */

  GestContext           *context;
  GestStore             *store;              /* the context's; NULL once disposed */
  GestReservationReader *reader;
  GCancellable          *cancellable;
  guint                  serial;
  gboolean               loading;
  char                  *error_text;
  gboolean               busy;
};

G_DEFINE_FINAL_TYPE (GestAgendaLeadsView, gest_agenda_leads_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The outcomes sales records, in the dialog's order. */
static const char * const outcomes[] = { "test-driven", "sold", "not-interested", "no-answer" };

/* A read of one day; its serial tells a stale result. */
typedef struct
{
  guint serial;
  char  day[11];            /* yyyy-mm-dd */
} DayQuery;

/* What the view reads, in the reader's thread. */
typedef struct
{
  GPtrArray *day_leads;     /* GestTestDriveLead */
  GPtrArray *open_leads;
} LeadsData;

typedef struct
{
  char *lead_uuid;
  char *outcome;
  char *note;
} OutcomeWrite;

static void
outcome_write_free (gpointer data)
{
  OutcomeWrite *w = data;

  g_free (w->lead_uuid);
  g_free (w->outcome);
  g_free (w->note);
  g_free (w);
}

static gboolean
outcome_write (GestStore  *store,
               gpointer    data,
               GError    **error)
{
  OutcomeWrite *w = data;

  return gest_test_drive_lead_outcome (store, w->lead_uuid, w->outcome, w->note, error);
}

static void
leads_data_free (gpointer data)
{
  LeadsData *leads = data;

  g_clear_pointer (&leads->day_leads, g_ptr_array_unref);
  g_clear_pointer (&leads->open_leads, g_ptr_array_unref);
  g_free (leads);
}

static gpointer
leads_load (GestStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  LeadsData *leads = g_new0 (LeadsData, 1);

  leads->day_leads = gest_test_drive_leads (store, ((DayQuery *) data)->day, error);
  if (leads->day_leads != NULL)
    leads->open_leads = gest_test_drive_leads (store, NULL, error);
  if (leads->open_leads == NULL)
    {
      leads_data_free (leads);
      return NULL;
    }
  return leads;
}

static void
show_error (GestAgendaLeadsView *self,
            const char          *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gest_field_error_show (NULL, self->error, message);
}

static void
outcome_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestAgendaLeadsView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (self->store == NULL)
    return;
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      show_error (self, error->message);
      return;
    }
  gest_agenda_leads_view_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
outcome_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     GestAgendaLeadsView *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "gest-outcome");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "gest-note");
  guint selected = gtk_drop_down_get_selected (choice);

  if (g_strcmp0 (response, "save") != 0 || selected >= G_N_ELEMENTS (outcomes))
    return;
  gest_agenda_leads_view_set_outcome (self, g_object_get_data (G_OBJECT (dialog), "gest-lead"), outcomes[selected],
                                      gtk_editable_get_text (note));
}

static void
outcome_clicked_cb (GtkButton           *button,
                    GestAgendaLeadsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *dropdown;
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_string_list_append (labels, gest_test_drive_outcome_label (outcomes[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note (optional)"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), note);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Record the Lead’s Outcome?"),
                                   _("What came of the test drive offer: the service reports count it."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "gest-outcome", dropdown);
  g_object_set_data (G_OBJECT (dialog), "gest-note", note);
  g_object_set_data_full (G_OBJECT (dialog), "gest-lead", g_strdup (g_object_get_data (G_OBJECT (button), "gest-lead")), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (outcome_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_lead (GestAgendaLeadsView     *self,
          AdwPreferencesGroup     *group,
          const GestTestDriveLead *lead)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = gest_timestamp_format (lead->appointment_at);
  /* Translators: a lead's title: "Juan Pérez López · 2221234567". */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), lead->name, lead->phone != NULL ? lead->phone : "");
  /* Translators: a lead: "Escape 2019 · 35,000 km → Bronco Sport · 07/12/2026 11:00 · Open". */
  g_autofree char *text = g_strdup_printf (_("%s → %s · %s · %s"), lead->current_vehicle, lead->vehicle_of_interest,
                                           when, gest_test_drive_outcome_label (lead->outcome));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (g_strcmp0 (lead->outcome, "open") == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Outcome…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "gest-lead", g_strdup (lead->uuid), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (outcome_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
add_empty (GestAgendaLeadsView *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
set_loading (GestAgendaLeadsView *self,
             gboolean             loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  gtk_widget_set_visible (self->spinner, loading);
  /* The rows shown are the previous day's until the new ones arrive: not to be acted on. */
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    gtk_widget_set_sensitive (g_ptr_array_index (self->rows, i + 1), !loading);
}

static void
show_leads (GestAgendaLeadsView *self,
            LeadsData           *leads)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < leads->day_leads->len; i++)
    add_lead (self, self->day_group, g_ptr_array_index (leads->day_leads, i));
  if (leads->day_leads->len == 0)
    add_empty (self, self->day_group, _("No test drives this day"),
               _("Leads appear when a customer accepts the test drive offered at booking or at arrival."));
  for (guint i = 0; i < leads->open_leads->len; i++)
    add_lead (self, self->open_group, g_ptr_array_index (leads->open_leads, i));
  if (leads->open_leads->len == 0)
    add_empty (self, self->open_group, _("No open leads"), _("Every lead has its outcome."));
}

static void
leads_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GestAgendaLeadsView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint serial = ((DayQuery *) gest_reservation_reader_get_data (result))->serial;
  LeadsData *leads = gest_reservation_reader_run_finish (result, &error);

  if (self->store == NULL || serial != self->serial)
    {
      g_clear_pointer (&leads, leads_data_free);
      return;
    }
  if (leads == NULL)
    show_error (self, error->message);
  else
    show_leads (self, leads);
  set_loading (self, FALSE);
  g_clear_pointer (&leads, leads_data_free);
}

static void
day_changed_cb (GestAgendaLeadsView *self)
{
  gest_agenda_leads_view_reload (self);
}

static void
gest_agenda_leads_view_dispose (GObject *object)
{
  GestAgendaLeadsView *self = GEST_AGENDA_LEADS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_agenda_leads_view_parent_class)->dispose (object);
}

static void
gest_agenda_leads_view_finalize (GObject *object)
{
  GestAgendaLeadsView *self = GEST_AGENDA_LEADS_VIEW (object);

  g_ptr_array_unref (self->rows);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reader, gest_reservation_reader_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (gest_agenda_leads_view_parent_class)->finalize (object);
}

static void
gest_agenda_leads_view_class_init (GestAgendaLeadsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_agenda_leads_view_dispose;
  object_class->finalize = gest_agenda_leads_view_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_agenda_leads_view_init (GestAgendaLeadsView *self)
{
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
gest_agenda_leads_view_new (GestContext *context)
{
  GestAgendaLeadsView *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_AGENDA_LEADS_VIEW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->reader = gest_reservation_reader_new (gest_store_get_path (self->store));
  self->nav = GEST_AGENDA_DAY_NAV (gest_agenda_day_nav_new ());
  g_signal_connect_swapped (self->nav, "day-changed", G_CALLBACK (day_changed_cb), self);
  self->day_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->day_group, _("Test Drives of the Day"));
  adw_preferences_group_set_description (self->day_group,
                                         _("Service customers whose vehicle has more than 30,000 km and who accepted a test drive."));
  self->spinner = gtk_spinner_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading…"), -1);
  adw_preferences_group_set_header_suffix (self->day_group, self->spinner);
  self->error = gest_field_error_label_new (self->day_group);
  self->open_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->open_group, _("Open Leads"));
  adw_preferences_group_set_description (self->open_group, _("Every lead without an outcome yet, by appointment."));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->nav));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->day_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->open_group));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gest_agenda_leads_view_reload (self);
  return GTK_WIDGET (self);
}

void
gest_agenda_leads_view_set_day (GestAgendaLeadsView *self,
                                const char          *day)
{
  g_return_if_fail (GEST_IS_AGENDA_LEADS_VIEW (self));
  g_return_if_fail (day != NULL);

  /* "day-changed" reloads. */
  gest_agenda_day_nav_set_day (self->nav, day);
}

void
gest_agenda_leads_view_reload (GestAgendaLeadsView *self)
{
  DayQuery *query;

  g_return_if_fail (GEST_IS_AGENDA_LEADS_VIEW (self));

  if (self->store == NULL)
    return;
  show_error (self, NULL);
  set_loading (self, TRUE);
  query = g_new0 (DayQuery, 1);
  query->serial = ++self->serial;
  g_strlcpy (query->day, gest_agenda_day_nav_get_day (self->nav), sizeof query->day);
  gest_reservation_reader_run_async (self->reader, leads_load, query, g_free, leads_data_free, self->cancellable,
                                     leads_loaded_cb, g_object_ref (self));
}

void
gest_agenda_leads_view_set_outcome (GestAgendaLeadsView *self,
                                    const char          *lead_uuid,
                                    const char          *outcome,
                                    const char          *note)
{
  OutcomeWrite *w;

  g_return_if_fail (GEST_IS_AGENDA_LEADS_VIEW (self));
  g_return_if_fail (lead_uuid != NULL && outcome != NULL);

  if (self->busy)
    return;
  self->busy = TRUE;
  w = g_new0 (OutcomeWrite, 1);
  w->lead_uuid = g_strdup (lead_uuid);
  w->outcome = g_strdup (outcome);
  w->note = g_strstrip (g_strdup (note != NULL ? note : ""));
  gest_store_write_async (self->store, outcome_write, w, outcome_write_free, NULL, outcome_saved_cb, g_object_ref (self));
}

const char *
gest_agenda_leads_view_get_error (GestAgendaLeadsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_LEADS_VIEW (self), NULL);

  return self->error_text;
}

gboolean
gest_agenda_leads_view_get_loading (GestAgendaLeadsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_LEADS_VIEW (self), FALSE);

  return self->loading;
}
